import Foundation
import Testing
@testable import Report

/// Aggregates across environments from a results folder of fake jobs: a grid over `baseline`
/// and a zip over Chain and Bandit.
struct EnvironmentAggregationTests {
    static let experiment = """
        experiment: envs-test
        environment: {id: Chain, params: {length: 4}}
        policy: {architecture: tabular}
        estimator: {name: reinforce, gamma: 0.9}
        training: {steps: 300, eval_every: 100}
        seeds: 3
        grid:
          baseline: [none, mean]
        zip:
          - environment.id: [Chain, Bandit]
            environment.params: [{length: 4}, {means: [0.0, 1.0]}]
        report:
          normalize: {Chain: [0, 4]}
        """

    /// Cells in plan order: none/Chain, none/Bandit, mean/Chain, mean/Bandit.
    static let finalReturns: [[Double]] = [[1, 2, 4], [0.5, 1, 0], [3, 3, 4], [1, 1, 0.5]]

    func populate(_ r: SyntheticResults) {
        for (cell, values) in Self.finalReturns.enumerated() {
            for (seed, value) in values.enumerated() { r.write(cell: cell, seed: seed, FakeJob(finalReturn: value)) }
        }
    }

    /// Chain is normalized by [0, 4] (declared), Bandit by its sweep's range [0, 1]. For
    /// `baseline=none`: runs {0.25, 0.5, 1} and {0.5, 1, 0}; pooled and sorted
    /// 0, 0.25, 0.5, 0.5, 1, 1: IQM drops one from each end, 0.5625; task means 7/12 and 1/2,
    /// mean = median = 13/24; optimality gap 1 − 3.25/6; above τ = 0.5: 2 of 6.
    @Test func normalizedAggregatesPerGroup() throws {
        let r = try SyntheticResults(experiment: Self.experiment)
        populate(r)
        let summary = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let aggregates = EnvironmentAggregation.aggregates(plan: r.plan, cells: summary.cells, bootstrap: Bootstrap())
        #expect(aggregates.map(\.group) == ["baseline=none", "baseline=mean"])
        let none = aggregates[0]
        #expect(none.environments == ["Chain", "Bandit"] && none.runs == [3, 3])
        #expect(abs(none.iqm - 0.5625) < 1e-12)
        #expect(abs(none.mean - 13.0 / 24) < 1e-12 && abs(none.median - 13.0 / 24) < 1e-12)
        #expect(abs(none.optimalityGap - (1 - 3.25 / 6)) < 1e-12)
        let half = try #require(none.profile.first { $0.tau == 0.5 })
        #expect(abs(half.fraction - 2.0 / 6) < 1e-12)
        #expect(none.profile.first?.tau == 0 && none.profile.last?.tau == 1 && none.profile.count == 21)
        #expect(none.iqmInterval.low <= none.iqm && none.iqm <= none.iqmInterval.high)

        let rows = try csvRows(r.folder.read("aggregates.csv"))
        #expect(rows.map { $0["group"]! } == ["baseline=none", "baseline=mean"])
        #expect(rows[0]["environments"] == "Chain;Bandit" && rows[0]["runs"] == "3;3" && rows[0]["iqm"] == "0.5625")
        #expect(try csvRows(r.folder.read("performance_profile.csv")).count == 42)
        #expect(summary.files.contains("plots/performance_profile.gp"))
        #expect(r.folder.read("plots/performance_profile.gp").contains("'baseline=none (n=6 runs, 2 environments)'"))
        #expect(r.folder.read("report.md").contains("## Across environments"))
        #expect(r.folder.read("report.md").contains("`plots/performance_profile.gp`"))
    }

    @Test func noAggregatesWithoutAnEnvironmentSweep() throws {
        let r = try SyntheticResults()
        r.folder.write("aggregates.csv", "stale\n")
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        #expect(!r.folder.exists("aggregates.csv") && !r.folder.exists("performance_profile.csv"))
        #expect(!r.folder.exists("plots/performance_profile.gp"))
        #expect(!r.folder.read("report.md").contains("Across environments"))
    }
}
