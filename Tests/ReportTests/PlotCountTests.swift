import Testing
@testable import Report

/// Every plot states n beside each cell, and the learning-curve key sits below the plot.
struct PlotCountTests {
    func cell(_ index: Int, _ label: String, n: Int) -> CellSummary {
        var c = CellSummary(index: index, label: label, values: [], baseline: "none")
        c.n = n
        c.mean = 1
        c.interval = ConfidenceInterval(low: 0.5, high: 1.5)
        c.finalReturns = (0..<n).map { (seed: $0, value: 1.0) }
        c.curve = [CurvePoint(step: 0, n: n, mean: 1, interval: c.interval)]
        c.variance = [VariancePoint(
            step: 0, baseline: "none", n: n, mean: 2, geometricMean: GeometricMean(value: 2, interval: c.interval),
            ratioToNone: 1)]
        return c
    }

    @Test func everyPlotStatesN() throws {
        let cells = [cell(0, "baseline=none,entropy_coef=0.0", n: 5), cell(1, "baseline=value,entropy_coef=0.0", n: 4)]
        let scripts = Dictionary(uniqueKeysWithValues: GnuplotScripts.files(experiment: "e", cells: cells).map { ($0.path, $0.contents) })
        let curves = try #require(scripts["learning_curves.gp"])
        #expect(curves.contains("title 'baseline=value,entropy_coef=0.0 (n=4)'"))
        #expect(curves.contains("set key below") && !curves.contains("set key outside right"))
        let variance = try #require(scripts["variance_vs_baseline.gp"])
        #expect(variance.contains("set title 'baseline=none,entropy_coef=0.0 (n=5)'"))
        let finals = try #require(scripts["final_returns.gp"])
        #expect(finals.contains("'baseline=none,entropy_coef=0.0 (n=5)' 0, 'baseline=value,entropy_coef=0.0 (n=4)' 1"))
    }
}
