import Testing
@testable import Report

/// The end-of-run text warns about final-return comparisons whose CI is wider than their effect.
struct WideComparisonNoteTests {
    func summary(none: [Double], mean: [Double]) throws -> ReportSummary {
        let r = try SyntheticResults()
        for seed in 0..<3 {
            r.write(cell: 0, seed: seed, FakeJob(finalReturn: none[seed]))
            r.write(cell: 1, seed: seed, FakeJob(finalReturn: mean[seed]))
        }
        return try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
    }

    @Test func aWideIntervalIsNoted() throws {
        // Differences 2, 0.5, 3: d̄ = 1.833, and the resampled means span 0.5 … 3.
        let wide = try summary(none: [1, 2, 4], mean: [3, 2.5, 7])
        #expect(wide.wideComparisons.count == 1)
        #expect(wide.wideComparisons[0].hasPrefix("baseline=mean vs baseline=none: +1.833 [CI "))
        #expect(wide.wideComparisons[0].hasSuffix("], n = 3 paired seeds"))
        #expect(wide.text.contains("note: the 95% CI of these differences in final return is wider than the difference"))
        // Differences 10, 10.5, 10: the interval lies within [10, 10.5], far narrower than 10.17.
        let narrow = try summary(none: [1, 2, 3], mean: [11, 12.5, 13])
        #expect(narrow.wideComparisons.isEmpty && !narrow.text.contains("note:"))
    }
}
