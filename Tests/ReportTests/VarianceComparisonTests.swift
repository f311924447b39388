import Foundation
import Testing

@testable import Report

/// `log10_variance` rows of `comparisons.csv` (`Comparer.compareVariance`): zero-variance
/// seeds counted, no test from fewer than 3 seeds, measurements paired by position.
/// Cell 1 (`baseline=mean`) is A, cell 0 (`baseline=none`) its reference B.
struct VarianceComparisonTests {
    func varianceRows(_ r: SyntheticResults) throws -> [[String: String]] {
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        return try csvRows(r.folder.read("comparisons.csv")).filter { $0["metric"] == "log10_variance" }
    }

    func write(_ r: SyntheticResults, seeds: Int, none: [[(Int, Double)]], mean: [[(Int, Double)]]) {
        for seed in 0..<seeds {
            r.write(cell: 0, seed: seed, FakeJob(
                finalReturn: 1, curve: [1, 1, 1, 1], variance: none[seed].map { ($0.0, "none", $0.1) }))
            r.write(cell: 1, seed: seed, FakeJob(
                finalReturn: 2, curve: [1, 1, 1, 1], variance: mean[seed].map { ($0.0, "mean", $0.1) }))
        }
    }

    /// Two of three `none` seeds measure zero variance: one pair is left, too few to test.
    @Test func zeroVarianceSeedsAreCountedAndTooFewSeedsGiveNoTest() throws {
        let r = try SyntheticResults()
        write(r, seeds: 3, none: [[(100, 0)], [(100, 0)], [(100, 1000)]], mean: [[(100, 1)], [(100, 10)], [(100, 100)]])
        let rows = try varianceRows(r)
        #expect(rows.count == 1)
        let row = rows[0]
        #expect(row["zero_a"] == "0" && row["zero_b"] == "2")
        #expect(row["n_a"] == "3" && row["n_b"] == "1" && row["n_paired"] == "1")
        #expect(row["mean_a"] == "1.0" && row["mean_b"] == "3.0")
        for column in ["mean_difference", "ci_low", "ci_high", "test", "t", "p_value", "p_holm", "p_improvement"] {
            #expect(row[column] == "", "\(column)")
        }
        #expect(row["note"] == "zero variance left out: 0 seeds of A, 2 of B; no test: 1 paired seeds with positive variance, fewer than 3")
    }

    /// With four seeds, one zero in B leaves three pairs: the test runs and the zero is named.
    @Test func aZeroSeedIsNamedWhenTheTestStillRuns() throws {
        let r = try SyntheticResults(experiment: syntheticExperiment.replacingOccurrences(of: "seeds: 3", with: "seeds: 4"))
        write(r, seeds: 4, none: [[(100, 0)], [(100, 100)], [(100, 1000)], [(100, 100)]],
              mean: [[(100, 1)], [(100, 1)], [(100, 10)], [(100, 1)]])
        let row = try #require(try varianceRows(r).first)
        #expect(row["n_paired"] == "3" && row["zero_b"] == "1" && row["zero_a"] == "0")
        // Seed 0 leaves with its zero partner; seeds 1–3: log10 differences −2, −2, −2, paired.
        #expect(row["n_a"] == "3" && row["n_b"] == "3" && row["test"] == "paired_t")
        #expect(row["mean_difference"] == "-2.0")
        #expect(row["note"] == "zero variance left out: 0 seeds of A, 1 of B")
    }

    /// Cells measuring at different steps are paired by position: the k-th with the k-th.
    @Test func differentMeasurementStepsArePairedByPosition() throws {
        let r = try SyntheticResults()
        let none = [(0, 100.0), (100, 100.0), (200, 10.0)]
        let mean = [(0, 100.0), (96, 1.0), (192, 1.0)]
        write(r, seeds: 3, none: Array(repeating: none, count: 3), mean: Array(repeating: mean, count: 3))
        let rows = try varianceRows(r)
        #expect(rows.map { $0["step"]! } == ["0", "96", "192"])
        #expect(rows.map { $0["step_b"]! } == ["0", "100", "200"])
        #expect(rows.map { $0["mean_difference"]! } == ["0.0", "-2.0", "-1.0"])
        #expect(rows.allSatisfy { $0["n_paired"] == "3" && $0["note"] == "" })
    }

    /// Final-return rows leave the variance columns empty.
    @Test func otherMetricsLeaveTheVarianceColumnsEmpty() throws {
        let r = try SyntheticResults()
        write(r, seeds: 3, none: Array(repeating: [(0, 4)], count: 3), mean: Array(repeating: [(0, 4)], count: 3))
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let final = try #require(try csvRows(r.folder.read("comparisons.csv")).first)
        #expect(final["metric"] == "final_return")
        #expect(final["step_b"] == "" && final["zero_a"] == "" && final["zero_b"] == "" && final["note"] == "")
    }
}
