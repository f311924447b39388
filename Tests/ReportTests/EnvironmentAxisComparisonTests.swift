import Testing
@testable import Report

/// Cells of different environments are aggregated, never compared.
struct EnvironmentAxisComparisonTests {
    @Test func theEnvironmentAxisIsNotCompared() throws {
        let r = try SyntheticResults(experiment: EnvironmentAggregationTests.experiment)
        for (cell, values) in EnvironmentAggregationTests.finalReturns.enumerated() {
            for (seed, value) in values.enumerated() { r.write(cell: cell, seed: seed, FakeJob(finalReturn: value)) }
        }
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let rows = try csvRows(r.folder.read("comparisons.csv")).filter { $0["metric"] == "final_return" }
        #expect(rows.map { $0["comparison"]! } == ["baseline", "baseline"])
        #expect(rows.map { $0["cell_b"]! } == ["baseline=none,environment.id=Chain,environment.params={\"length\":4}",
                                               "baseline=none,environment.id=Bandit,environment.params={\"means\":[0.0,1.0]}"])
    }
}
