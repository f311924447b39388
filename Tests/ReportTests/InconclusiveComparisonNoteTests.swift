import Testing
@testable import Report

/// The end-of-run text notes the final-return comparisons whose verdict is inconclusive.
struct InconclusiveComparisonNoteTests {
    func summary(none: [Double], mean: [Double]) throws -> ReportSummary {
        let r = try SyntheticResults()
        for seed in 0..<3 {
            r.write(cell: 0, seed: seed, FakeJob(finalReturn: none[seed]))
            r.write(cell: 1, seed: seed, FakeJob(finalReturn: mean[seed]))
        }
        return try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
    }

    @Test func anInconclusiveComparisonIsNoted() throws {
        // Differences 2, 0.5, 3: paired t = 2.52, p = 0.128 (scipy.stats.ttest_rel).
        let unsure = try summary(none: [1, 2, 4], mean: [3, 2.5, 7])
        #expect(unsure.inconclusiveComparisons.count == 1)
        #expect(unsure.inconclusiveComparisons[0].hasPrefix("baseline=mean vs baseline=none: +1.833 [CI -1.292, 4.959]"))
        #expect(unsure.inconclusiveComparisons[0].hasSuffix(", p (Holm) = 0.1276, n = 3 paired seeds"))
        #expect(unsure.text.contains("note: these differences in final return are inconclusive at the 5% level"))
        // Differences 10, 10.5, 10: t = 61, p = 0.0003: `better`, nothing to note.
        let clear = try summary(none: [1, 2, 3], mean: [11, 12.5, 13])
        #expect(clear.inconclusiveComparisons.isEmpty && !clear.text.contains("note:"))
    }
}
