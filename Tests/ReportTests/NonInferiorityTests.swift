import Experiment
import Foundation
import Results
import Testing
@testable import Report

/// `regression.mode: non_inferiority` and `regression.md`. The synthetic report (see
/// `RegressionTests`) has cell `baseline=none` with final returns [1.0, 0.8] and
/// `baseline=mean` with [0.9, 0.7]; `min: 0.5`.
struct NonInferiorityTests {
    func settings(_ r: SyntheticResults, margin: Double) throws -> RegressionSettings {
        var s = try #require(r.plan.regression)
        s.mode = .nonInferiority
        s.margin = margin
        return s
    }

    /// Intervals from scipy: d ± t.ppf(0.975, ν)·√(s²/n + s²_ref/n_ref), Welch's ν, with the
    /// reference none = (n 5, mean 0.95, std 0.1): [-0.7593827660317541, 0.6593827660317543];
    /// mean = (5, 3.0, 0.1): [-2.9093827660317553, -1.490617233968245].
    @Test func passFailAndInconclusiveFromTheInterval() throws {
        let (r, summary) = try RegressionTests.report()
        r.folder.write("reference.csv", "cell,n,mean,std\nbaseline=none,5,0.95,0.1\nbaseline=mean,5,3.0,0.1\n")
        let reference = r.url.appendingPathComponent("reference.csv")
        let wide = try RegressionCheck(settings: settings(r, margin: 1)).run(summary: summary, reference: reference, resultsDirectory: r.url)
        #expect(wide.rows.map(\.status) == [.pass, .fail])
        #expect(abs(wide.rows[0].difference.low - -0.7593827660317541) < 1e-9)
        #expect(abs(wide.rows[0].difference.high - 0.6593827660317543) < 1e-9)
        #expect(abs(wide.rows[1].difference.high - -1.490617233968245) < 1e-9)
        // max(min, reference − margin): min 0.5 is the larger.
        #expect(wide.rows[0].threshold == 0.5 && wide.rows[1].threshold == 2)
        // −0.5 lies inside the first interval.
        let narrow = try RegressionCheck(settings: settings(r, margin: 0.5)).evaluate(summary, reference: reference)
        #expect(narrow.rows.map(\.status) == [.inconclusive, .fail])
        let csv = try CSVTable(parsing: r.folder.read("regression.csv"))
        #expect(csv.header == ["cell", "mean", "reference_mean", "threshold", "status", "difference_ci_low", "difference_ci_high"])
        let page = r.folder.read("regression.md")
        #expect(page.hasPrefix("# Regression check: report-test\n\n**FAILED**: 1 of 2 cells.\n\n"))
        #expect(page.contains("- `baseline=none`: current − reference = -0.050 [CI -0.759, 0.659] over n = 2 seeds, margin 1.000: pass."), "\(page)")
    }

    @Test func strictFailsAnInconclusiveCell() throws {
        let (r, summary) = try RegressionTests.report()
        // Only `none` has a reference; `mean` is judged by min alone (new).
        r.folder.write("reference.csv", "cell,n,mean,std\nbaseline=none,5,0.95,0.1\n")
        let reference = r.url.appendingPathComponent("reference.csv")
        let lenient = try RegressionCheck(settings: settings(r, margin: 0.5)).evaluate(summary, reference: reference)
        #expect(lenient.rows.map(\.status) == [.inconclusive, .new] && lenient.passed)
        let strict = try RegressionCheck(settings: settings(r, margin: 0.5), strict: true).evaluate(summary, reference: reference)
        #expect(!strict.passed)
        #expect(strict.failureReason == "1 of 2 cells; 1 inconclusive (--strict): more seeds needed to decide")
        // A reference with one seed gives no interval: inconclusive whatever the margin.
        r.folder.write("one.csv", "cell,n,mean,std\nbaseline=none,1,0.9,\n")
        let one = try RegressionCheck(settings: settings(r, margin: 100)).evaluate(summary, reference: r.url.appendingPathComponent("one.csv"))
        #expect(one.rows[0].status == .inconclusive && one.rows[0].difference.low.isNaN)
    }

    @Test func thresholdModeIsUnchangedAndWritesItsPage() throws {
        let (r, summary) = try RegressionTests.report()
        let settings = try #require(r.plan.regression)
        #expect(settings.mode == .threshold && settings.margin == nil)
        _ = try RegressionCheck(settings: settings).run(summary: summary, reference: nil, resultsDirectory: r.url)
        #expect(try CSVTable(parsing: r.folder.read("regression.csv")).header == ["cell", "mean", "reference_mean", "threshold", "status"])
        let page = r.folder.read("regression.md")
        #expect(page.contains("**Passed**: every cell was checked and passed."))
        #expect(page.contains("- `baseline=none`: mean 0.900 over n = 2 seeds, threshold 0.500: pass."), "\(page)")
        #expect(page.contains("| baseline=mean | 2 | 0.800 | - | 0.500 | pass |"))
    }
}
