import Foundation
import Testing
@testable import Report

/// `report.md` from a results folder of fake jobs (`syntheticExperiment`).
struct ReportPageTests {
    /// Final returns none = [1, 2, 4], mean = [3, 2.5, 7] (paired differences 2, 0.5, 3).
    func populate(_ r: SyntheticResults) {
        let none = [1.0, 2.0, 4.0], mean = [3.0, 2.5, 7.0]
        for seed in 0..<3 {
            r.write(cell: 0, seed: seed, FakeJob(
                finalReturn: none[seed], curve: [1, 1, 1, 1], variance: [(100, "none", 100), (100, "mean", 50)]))
            r.write(cell: 1, seed: seed, FakeJob(
                finalReturn: mean[seed], curve: [0, 1, 2, 3], variance: [(100, "none", 90), (100, "mean", 1)]))
        }
    }

    @Test func thePageStatesEachComparisonInWords() throws {
        let r = try SyntheticResults(experiment: "description: Two baselines on a chain.\n" + syntheticExperiment)
        populate(r)
        let summary = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        #expect(summary.files.contains("report.md"))
        let page = r.folder.read("report.md")
        #expect(page.hasPrefix("# report-test\n\nTwo baselines on a chain.\n\n6 jobs: 2 cells × 3 seeds.\n"))
        // d̄ = 11/6, paired t p = 0.128 (scipy.stats.ttest_rel); P = 7/9: the sentence speaks
        // from the verdict.
        let sentence = try #require(page.split(separator: "\n").first { $0.hasPrefix("- `mean` vs `none`: ") })
        #expect(sentence.contains(": inconclusive, +1.833 final return [CI -1.292, 4.959] (paired t, p (Holm) = 0.1276), "))
        #expect(sentence.hasSuffix("P(improvement) = 0.78 " + intervalText(r) + ", n = 3 paired seeds; more seeds needed."),
                "\(sentence)")
        #expect(page.contains("| baseline=mean | baseline=none | final_return | 3 | +1.833 | [-1.292, 4.959] | paired_t | 0.1276 | 0.1276 | inconclusive |"), "\(page)")
        #expect(page.contains("| baseline=none | 3 | 2.333 |"))
        // Nothing rendered: no image is linked, the scripts are named with how to render them.
        #expect(!page.contains("!["), "\(page)")
        #expect(page.contains("Not rendered: `runner report` on this folder with `--render png`"), "\(page)")
        #expect(page.contains("`plots/learning_curves.gp`"), "\(page)")
        // The variance table: the mean baseline's ratio to none at step 100 in the none cell.
        #expect(page.contains("| baseline=none | 100 | 3 | 1.000 | 0.500 |"), "\(page)")
    }

    @Test func aComparisonWithAMissingSeedSpeaksOfWelch() throws {
        let r = try SyntheticResults()
        let none = [1.0, 2.0, 4.0], mean = [3.0, 2.5, 7.0]
        for seed in 0..<3 {
            r.write(cell: 0, seed: seed, FakeJob(finalReturn: none[seed]))
            r.write(cell: 1, seed: seed, FakeJob(status: seed == 1 ? nil : "completed", finalReturn: mean[seed]))
        }
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let page = r.folder.read("report.md")
        // 5 − 7/3 over every run; scipy.stats.ttest_ind([3, 7], [1, 2, 4], equal_var=False): p = 0.389.
        let sentence = try #require(page.split(separator: "\n").first { $0.hasPrefix("- `mean` vs `none`: ") })
        #expect(sentence.hasPrefix("- `mean` vs `none`: inconclusive, +2.667 final return [CI -11.88, 17.21] (Welch, p (Holm) = 0.3890), "))
        #expect(sentence.hasSuffix(", n = 2 and 3 runs; more seeds needed."), "\(sentence)")
    }

    /// The P(improvement) interval as the page prints it, from comparisons.csv.
    func intervalText(_ r: SyntheticResults) -> String {
        let row = (try? csvRows(r.folder.read("comparisons.csv")))?.first ?? [:]
        let low = Double(row["p_improvement_ci_low"] ?? "") ?? .nan, high = Double(row["p_improvement_ci_high"] ?? "") ?? .nan
        return String(format: "[%.2f, %.2f]", low, high)
    }

    @Test func byteIdenticalAcrossBuilds() throws {
        let r = try SyntheticResults()
        populate(r)
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let first = r.folder.read("report.md")
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        #expect(!first.isEmpty && r.folder.read("report.md") == first)
    }

    @Test func markdownEscapesTableCellsAndCode() {
        #expect(MarkdownText.cell("a|b\nc") == "a\\|b c")
        #expect(MarkdownText.code("x`y") == "``x`y``")
        #expect(MarkdownText.signed(3) == "+3.000" && MarkdownText.signed(-0.5) == "-0.500")
        #expect(MarkdownText.table(["a", "n"], [["x", "1"]], rightAligned: [1]) == "| a | n |\n| --- | ---: |\n| x | 1 |\n")
    }
}
