import Experiment
import Foundation
import Results
import TestSupport
import Testing
@testable import Report

/// The regression check. The synthetic report has cell `baseline=none` with final returns
/// [1.0, 0.8] (mean 0.9, SE = 0.1) and cell `baseline=mean` with [0.9, 0.7] (mean 0.8,
/// SE = 0.1); the experiment sets `min: 0.5`, `tolerance: 2`.
struct RegressionTests {
    static func report() throws -> (SyntheticResults, ReportSummary) {
        let r = try SyntheticResults()
        ReporterTests.populate(r)
        return (r, try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil))
    }


    @Test func minimumAlone() throws {
        let (r, summary) = try Self.report()
        var settings = try #require(r.plan.regression)
        #expect(settings.min == 0.5 && settings.tolerance == 2)
        let pass = try RegressionCheck(settings: settings).run(summary: summary, reference: nil, resultsDirectory: r.url)
        #expect(pass.passed && pass.rows.map(\.status) == [.pass, .pass])
        #expect(pass.rows.map(\.threshold) == [0.5, 0.5])

        settings.min = 0.85
        let fail = try RegressionCheck(settings: settings).run(summary: summary, reference: nil, resultsDirectory: r.url)
        #expect(!fail.passed && fail.rows.map(\.status) == [.pass, .fail])
        let csv = try csvRows(r.folder.read("regression.csv"))
        #expect(try CSVTable(parsing: r.folder.read("regression.csv")).header
            == ["cell", "mean", "reference_mean", "threshold", "status"])
        #expect(csv.map { $0["status"]! } == ["pass", "fail"])
        #expect(csv[1]["reference_mean"] == "" && csv[1]["threshold"] == "0.85")
        #expect(fail.text.contains("FAILED: 1 of 2 cells"))
    }

    @Test func referenceThresholdUsesTheCurrentStandardError() throws {
        let (r, summary) = try Self.report()
        let settings = try #require(r.plan.regression)
        // none: 0.95 − 2·0.1 = 0.75 ≤ 0.9 passes; mean: 1.2 − 2·0.1 = 1.0 > 0.8 fails.
        r.folder.write("reference.csv", "cell,n,mean,std\nbaseline=none,5,0.95,0.3\nbaseline=mean,5,1.2,0.3\n")
        let result = try RegressionCheck(settings: settings)
            .run(summary: summary, reference: r.url.appendingPathComponent("reference.csv"), resultsDirectory: r.url)
        #expect(result.rows.map(\.status) == [.pass, .fail] && !result.passed)
        #expect(isClose(result.rows[0].threshold, 0.75, absolute: 1e-12) && isClose(result.rows[1].threshold, 1.0, absolute: 1e-12))
        #expect(result.rows.map(\.referenceMean) == [0.95, 1.2])
        // The larger threshold wins: with min 0.92 the first cell fails on min.
        var strict = settings
        strict.min = 0.92
        let both = try RegressionCheck(settings: strict).evaluate(summary, reference: r.url.appendingPathComponent("reference.csv"))
        #expect(both.rows[0].threshold == 0.92 && both.rows[0].status == .fail)
    }

    @Test func cellMissingFromTheReferenceIsNew() throws {
        let (r, summary) = try Self.report()
        let settings = try #require(r.plan.regression)
        r.folder.write("reference.csv", "cell,n,mean,std\nbaseline=none,2,0.9,0.1\n\"other,cell\",2,5,1\n")
        let result = try RegressionCheck(settings: settings)
            .evaluate(summary, reference: r.url.appendingPathComponent("reference.csv"))
        #expect(result.rows.map(\.status) == [.pass, .new] && result.passed)
        #expect(result.rows[1].referenceMean.isNaN && result.rows[1].threshold == 0.5)
    }

    @Test func cellWithoutCompletedSeedsIsMissingAndFails() throws {
        let r = try SyntheticResults()
        ReporterTests.populate(r, cellOneMissing: true)
        let summary = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let result = try RegressionCheck(settings: try #require(r.plan.regression))
            .run(summary: summary, reference: nil, resultsDirectory: r.url)
        #expect(result.rows.map(\.status) == [.pass, .missing] && !result.passed)
        #expect(try csvRows(r.folder.read("regression.csv"))[1]["status"] == "missing")
    }

    /// n = 1: the current std is undefined, so the reference's std stands in (SE = s_ref);
    /// without one the threshold is the reference mean itself.
    @Test func singleSeedUsesTheReferenceStd() throws {
        let (r, _) = try Self.report()
        var settings = try #require(r.plan.regression)
        settings.min = nil
        var cell = CellSummary(index: 0, label: "c", values: [], baseline: "none")
        cell.n = 1
        cell.mean = 9.0
        let summary = ReportSummary(experiment: "x", sweptKeys: [], cells: [cell])
        let check = RegressionCheck(settings: settings)
        let withStd = ReferenceTable(entries: [(cell: "c", entry: .init(n: 5, mean: 10, std: 0.6))])
        #expect(isClose(check.evaluate(summary, reference: withStd).rows[0].threshold, 10 - 2 * 0.6, absolute: 1e-12))
        #expect(check.evaluate(summary, reference: withStd).rows[0].status == .pass)
        let withoutStd = ReferenceTable(entries: [(cell: "c", entry: .init(n: 1, mean: 10, std: .nan))])
        let strict = check.evaluate(summary, reference: withoutStd)
        #expect(strict.rows[0].threshold == 10 && strict.rows[0].status == .fail)
    }

    @Test func referenceRoundTripThroughUpdate() throws {
        let (r, summary) = try Self.report()
        let settings = try #require(r.plan.regression)
        let url = r.url.appendingPathComponent("refs/nested/report-test.csv")
        try RegressionCheck.updateReference(from: summary, at: url)
        let text = r.folder.read("refs/nested/report-test.csv")
        let rows = try csvRows(text)
        #expect(try CSVTable(parsing: text).header == ["cell", "n", "mean", "std"])
        #expect(rows.map { $0["cell"]! } == ["baseline=none", "baseline=mean"])
        #expect(rows.map { Double($0["mean"]!)! } == summary.cells.map(\.mean))
        #expect(rows.map { Double($0["std"]!)! } == summary.cells.map(\.std))
        let read = try ReferenceTable.read(from: url)
        #expect(read == ReferenceTable(cells: summary.cells))
        // The same results against their own reference pass, with threshold mean − 2·SE.
        let result = try RegressionCheck(settings: settings).evaluate(summary, reference: url)
        #expect(result.passed && result.rows.map(\.status) == [.pass, .pass])
        #expect(isClose(result.rows[0].threshold, 0.9 - 2 * 0.1, absolute: 1e-12))
        // Updating again rewrites the same bytes.
        try RegressionCheck.updateReference(from: summary, at: url)
        #expect(r.folder.read("refs/nested/report-test.csv") == text)
    }

    @Test func missingReferenceFileIsAnError() throws {
        let (r, summary) = try Self.report()
        let settings = try #require(r.plan.regression)
        #expect(throws: ReportError.referenceNotFound(path: r.url.appendingPathComponent("nope.csv").path)) {
            try RegressionCheck(settings: settings).evaluate(summary, reference: r.url.appendingPathComponent("nope.csv"))
        }
    }

    @Test func referencePathIsRelativeToTheExperimentFile() throws {
        let r = try SyntheticResults(experiment: syntheticExperiment + "\n  reference: ../refs/a.csv\n")
        let settings = try #require(r.plan.regression)
        let experiment = URL(fileURLWithPath: "/work/exp/sub/a2c.yaml")
        #expect(RegressionCheck.referenceURL(settings: settings, experimentFile: experiment)?.path == "/work/exp/refs/a.csv")
        var absolute = settings
        absolute.reference = "/abs/ref.csv"
        #expect(RegressionCheck.referenceURL(settings: absolute, experimentFile: experiment)?.path == "/abs/ref.csv")
        absolute.reference = nil
        #expect(RegressionCheck.referenceURL(settings: absolute, experimentFile: experiment) == nil)
    }
}
