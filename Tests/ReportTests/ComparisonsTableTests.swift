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

    @Test func pairedDifferenceWelchAndProbabilityOfImprovement() throws {
        let r = try SyntheticResults()
        populate(r)
        let table = try rows(r)
        #expect(table.map { $0["metric"]! } == ["final_return", "auc", "log10_variance"])
        let final = table[0]
        #expect(final["comparison"] == "baseline" && final["cell_a"] == "baseline=mean" && final["cell_b"] == "baseline=none")
        #expect(final["n_a"] == "3" && final["n_b"] == "3" && final["n_paired"] == "3")
        // Paired differences 2, 0.5, 3.
        #expect(abs(number(final["mean_difference"]) - 11.0 / 6) < 1e-12)
        let low = number(final["ci_low"]), high = number(final["ci_high"])
        #expect(0.5 <= low && low < 11.0 / 6 && 11.0 / 6 < high && high <= 3)
        // scipy.stats.ttest_ind([3, 2.5, 7], [1, 2, 4], equal_var=False).
        #expect(abs(number(final["welch_t"]) - 1.0945409092309881) < 1e-10)
        #expect(abs(number(final["welch_df"]) - 3.3374775069523963) < 1e-10)
        #expect(abs(number(final["p_value"]) - 0.3463519388072971) < 1e-10)
        // One final-return comparison: Holm changes nothing.
        #expect(final["p_holm"] == final["p_value"])
        // Pairs (a > b) over 9: 3>1, 3>2, 2.5>1, 2.5>2, 7>1, 7>2, 7>4 = 7, no ties.
        #expect(abs(number(final["p_improvement"]) - 7.0 / 9) < 1e-12)
        #expect(final["ci_wider_than_effect"] == "true")
        // AUC: the rising curve averages 1.5 over training, the flat one 1.
        #expect(number(table[1]["mean_a"]) == 1.5 && number(table[1]["mean_difference"]) == 0.5)
        #expect(table[1]["welch_t"] == "" && table[1]["ci_wider_than_effect"] == "false")
        // Variance of each cell's own baseline: log10(1) − log10(100) = −2 at step 100.
        #expect(table[2]["step"] == "100" && number(table[2]["mean_difference"]) == -2)
        #expect(number(table[2]["p_improvement"]) == 0)
    }

    @Test func unpairedRunsCountInWelchButNotInTheDifference() throws {
        let r = try SyntheticResults()
        populate(r, meanSeedOneMissing: true)
        let final = try rows(r)[0]
        #expect(final["n_a"] == "2" && final["n_b"] == "3" && final["n_paired"] == "2")
        // Differences of seeds 0 and 2: 2 and 3.
        #expect(number(final["mean_difference"]) == 2.5)
        // scipy.stats.ttest_ind([3, 7], [1, 2, 4], equal_var=False).
        #expect(abs(number(final["welch_t"]) - 1.2199885626608373) < 1e-10)
        #expect(abs(number(final["p_value"]) - 0.38901616667955236) < 1e-10)
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
