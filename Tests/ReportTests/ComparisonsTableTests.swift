import Foundation
import PolicyGradient
import Testing
@testable import Report

/// `comparisons.csv` from a results folder of fake jobs (`syntheticExperiment`: `baseline`
/// none (cell 0, the reference) and mean (cell 1), seeds 0–2).
struct ComparisonsTableTests {
    /// Final returns none = [1, 2, 4], mean = [3, 2.5, 7]; curves rising 0…3 (mean) or flat;
    /// variance at step 100 of the cell's own baseline 100 (none) and 1 (mean).
    func populate(_ r: SyntheticResults, meanSeedOneMissing: Bool = false) {
        let none = [1.0, 2.0, 4.0]
        let mean = [3.0, 2.5, 7.0]
        for seed in 0..<3 {
            r.write(cell: 0, seed: seed, FakeJob(
                finalReturn: none[seed], curve: [1, 1, 1, 1], variance: [(100, "none", 100), (100, "mean", 50)]))
            r.write(cell: 1, seed: seed, FakeJob(
                status: meanSeedOneMissing && seed == 1 ? nil : "completed",
                finalReturn: mean[seed], curve: [0, 1, 2, 3], variance: [(100, "none", 90), (100, "mean", 1)]))
        }
    }

    func rows(_ r: SyntheticResults) throws -> [[String: String]] {
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        return try csvRows(r.folder.read("comparisons.csv"))
    }

    func number(_ s: String?) -> Double { s.flatMap(Double.init) ?? .nan }

    @Test func pairedTestIntervalVerdictAndProbabilityOfImprovement() throws {
        let r = try SyntheticResults()
        populate(r)
        let table = try rows(r)
        #expect(table.map { $0["metric"]! } == ["final_return", "auc", "log10_variance"])
        let final = table[0]
        #expect(final["comparison"] == "baseline" && final["cell_a"] == "baseline=mean" && final["cell_b"] == "baseline=none")
        #expect(final["n_a"] == "3" && final["n_b"] == "3" && final["n_paired"] == "3")
        // Paired differences 2, 0.5, 3.
        #expect(abs(number(final["mean_difference"]) - 11.0 / 6) < 1e-12)
        // scipy.stats.ttest_rel([3, 2.5, 7], [1, 2, 4]) and its confidence_interval().
        #expect(final["test"] == "paired_t" && final["df"] == "2.0")
        #expect(abs(number(final["t"]) - 2.523573072576179) < 1e-10)
        #expect(abs(number(final["p_value"]) - 0.12764325571004148) < 1e-10)
        #expect(abs(number(final["ci_low"]) + 1.2924714063545542) < 1e-10)
        #expect(abs(number(final["ci_high"]) - 4.9591380730212204) < 1e-10)
        // One final-return comparison: Holm changes nothing; p = 0.13 decides nothing.
        #expect(final["p_holm"] == final["p_value"] && final["verdict"] == "inconclusive")
        // Pairs (a > b) over 9: 3>1, 3>2, 2.5>1, 2.5>2, 7>1, 7>2, 7>4 = 7, no ties.
        #expect(abs(number(final["p_improvement"]) - 7.0 / 9) < 1e-12)
        // AUC: the rising curve averages 1.5 over training, the flat one 1; equal differences
        // have no spread, so no t, and the interval is the difference itself.
        #expect(number(table[1]["mean_a"]) == 1.5 && number(table[1]["mean_difference"]) == 0.5)
        #expect(table[1]["t"] == "" && table[1]["ci_low"] == "0.5" && table[1]["verdict"] == "inconclusive")
        // Variance of each cell's own baseline: log10(1) − log10(100) = −2 at step 100.
        #expect(table[2]["step"] == "100" && number(table[2]["mean_difference"]) == -2)
        #expect(number(table[2]["p_improvement"]) == 0)
        #expect(!table[0].keys.contains("ci_wider_than_effect") && !table[0].keys.contains("welch_t"))
    }

    @Test func aMissingSeedMakesTheComparisonWelch() throws {
        let r = try SyntheticResults()
        populate(r, meanSeedOneMissing: true)
        let final = try rows(r)[0]
        #expect(final["n_a"] == "2" && final["n_b"] == "3" && final["n_paired"] == "2")
        // The difference of the means over every run: 5 − 7/3.
        #expect(final["test"] == "welch" && abs(number(final["mean_difference"]) - 8.0 / 3) < 1e-12)
        // scipy.stats.ttest_ind([3, 7], [1, 2, 4], equal_var=False) and its confidence_interval().
        #expect(abs(number(final["t"]) - 1.2199885626608373) < 1e-10)
        #expect(abs(number(final["df"]) - 1.400227186671715) < 1e-10)
        #expect(abs(number(final["p_value"]) - 0.38901616667955236) < 1e-10)
        #expect(abs(number(final["ci_low"]) + 11.880675860915074) < 1e-9)
        #expect(abs(number(final["ci_high"]) - 17.21400919424841) < 1e-9)
    }

    @Test func referenceFromTheReportSection() throws {
        let r = try SyntheticResults(experiment: syntheticExperiment + "\nreport:\n  compare_against: {baseline: mean}\n")
        populate(r)
        let final = try rows(r)[0]
        #expect(final["cell_a"] == "baseline=none" && final["cell_b"] == "baseline=mean")
        #expect(abs(number(final["mean_difference"]) + 11.0 / 6) < 1e-12)
        #expect(abs(number(final["p_improvement"]) - 2.0 / 9) < 1e-12)
    }

    @Test func byteIdenticalAcrossBuilds() throws {
        let r = try SyntheticResults()
        populate(r)
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let first = r.folder.read("comparisons.csv")
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        #expect(!first.isEmpty && r.folder.read("comparisons.csv") == first)
    }

    @Test func learningCurveArea() {
        func row(_ step: Int, _ r: Double) -> CurveRow {
            CurveRow(step: step, episodes: 0, evalReturnMean: r, evalReturnStd: 0, trainReturn: .nan,
                     entropy: 0, policyLoss: 0, valueLoss: .nan)
        }
        // Trapezoids over uneven steps: (0+10)/2·100 + (10+10)/2·300 = 3500 over 400 steps.
        #expect(Statistics.normalizedCurveArea([row(0, 0), row(100, 10), row(400, 10)]) == 3500.0 / 400)
        // NaN points are skipped; one point has no area.
        #expect(Statistics.normalizedCurveArea([row(0, 0), row(100, .nan), row(200, 4)]) == 2)
        #expect(Statistics.normalizedCurveArea([row(0, 5)]).isNaN)
    }
}

/// The verdict after Holm: significant in the metric's good direction is `better`.
struct ComparisonVerdictTests {
    func comparison(_ metric: ComparisonMetric, difference: Double, pHolm: Double) -> Comparison {
        Comparison(
            axis: "baseline", cellA: 1, cellB: 0, labelA: "a", labelB: "b", metric: metric, step: nil,
            nA: 5, nB: 5, nPaired: 5, meanA: .nan, meanB: .nan, test: .pairedT, meanDifference: difference,
            differenceInterval: .unavailable, t: .nan, degreesOfFreedom: 4, p: pHolm, pHolm: pHolm,
            pImprovement: .nan, pImprovementInterval: .unavailable)
    }

    @Test func orientedByTheMetric() {
        #expect(comparison(.finalReturn, difference: 3, pHolm: 0.01).verdict == .better)
        #expect(comparison(.auc, difference: -3, pHolm: 0.01).verdict == .worse)
        // Less gradient variance is better.
        #expect(comparison(.log10Variance, difference: -2, pHolm: 0.01).verdict == .better)
        #expect(comparison(.log10Variance, difference: 2, pHolm: 0.049).verdict == .worse)
        #expect(comparison(.finalReturn, difference: 3, pHolm: 0.05).verdict == .inconclusive)
        #expect(comparison(.finalReturn, difference: 3, pHolm: .nan).verdict == .inconclusive)
    }
}
