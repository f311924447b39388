import Experiment
import Foundation
import PolicyGradient
import Results
import TestSupport
import Testing
@testable import Report

/// The reporter over a synthetic results folder: 2 cells (baseline none, mean) × 3 seeds.
///
/// cell 0 (none): seed 0 completed 1.0, seed 1 completed 0.8, seed 2 diverged at step 100.
/// cell 1 (mean): seed 0 completed 0.9, seed 1 completed 0.7 with a curve one point short,
/// seed 2 unfinished (files but no result.json: missing).
///
/// With two counted seeds the bootstrap distribution of the mean is exact: the resample mean
/// is the lower value with probability 1/4, the midpoint 1/2, the upper 1/4, so with B = 2000
/// the 2.5% and 97.5% percentiles are the two values themselves (the chance that fewer than
/// 51 of 2000 resamples hit an end is below 1e-100). Independent truths throughout.
struct ReporterTests {
    /// Writes the jobs' files in plan order, or last job first with `reversed`.
    static func populate(_ r: SyntheticResults, cellOneMissing: Bool = false, reversed: Bool = false) {
        var jobs: [(cell: Int, seed: Int, fake: FakeJob)] = []
        jobs.append((0, 0, FakeJob(
            finalReturn: 1.0, curve: [0.1, 0.4, 0.8, 1.0],
            variance: [(0, "none", 4), (0, "mean", 2), (100, "none", 3), (100, "mean", 1.5),
                       (200, "none", 2), (200, "mean", 1), (300, "none", 1), (300, "mean", 0.5)])))
        jobs.append((0, 1, FakeJob(
            finalReturn: 0.8, curve: [0.2, 0.5, 0.6, 0.8],
            variance: [(0, "none", 6), (0, "mean", 3), (100, "none", 5), (100, "mean", 2),
                       (200, "none", 4), (200, "mean", 2), (300, "none", 3), (300, "mean", 1)])))
        jobs.append((0, 2, FakeJob(status: "diverged", curve: [0.1, 0.3], variance: [(0, "none", 100)])))
        if cellOneMissing {
            for seed in 0..<3 { jobs.append((1, seed, FakeJob(status: nil, curve: [0.5]))) }
        } else {
            jobs.append((1, 0, FakeJob(
                finalReturn: 0.9, curve: [0.0, 0.5, 0.7, 0.9],
                variance: [(0, "none", 8), (0, "mean", 2), (200, "none", 4), (200, "mean", 2),
                           (300, "none", 2), (300, "mean", 1)])))
            jobs.append((1, 1, FakeJob(
                finalReturn: 0.7, curve: [0.1, 0.2, 0.5],
                variance: [(0, "none", 4), (0, "mean", 1), (200, "none", 2), (200, "mean", 0.5),
                           (300, "none", 1)])))
            jobs.append((1, 2, FakeJob(status: nil, curve: [9, 9])))
        }
        for job in reversed ? Array(jobs.reversed()) : jobs { r.write(cell: job.cell, seed: job.seed, job.fake) }
    }

    func number(_ s: String?) -> Double { s.flatMap(Double.init) ?? .nan }

    @Test func jobsTableCountsEveryStatus() throws {
        let r = try SyntheticResults()
        Self.populate(r)
        let summary = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let jobs = try csvRows(r.folder.read("jobs.csv"))
        #expect(try CSVTable(parsing: r.folder.read("jobs.csv")).header
            == ["job_id", "cell", "seed", "baseline", "status", "final_return", "steps"])
        #expect(jobs.map { $0["status"]! } == ["completed", "completed", "diverged", "completed", "completed", "missing"])
        #expect(jobs.map { $0["cell"]! } == ["baseline=none", "baseline=none", "baseline=none",
                                             "baseline=mean", "baseline=mean", "baseline=mean"])
        #expect(jobs.map { $0["baseline"]! } == ["none", "none", "none", "mean", "mean", "mean"])
        #expect(jobs.map { $0["seed"]! } == ["0", "1", "2", "0", "1", "2"])
        #expect(jobs.map { $0["job_id"]! } == [0, 1, 2].map { r.job(cell: 0, seed: $0).id } + [0, 1, 2].map { r.job(cell: 1, seed: $0).id })
        #expect(jobs.map { $0["final_return"]! } == ["1.0", "0.8", "", "0.9", "0.7", ""])
        #expect(jobs.map { $0["steps"]! } == ["300", "300", "300", "300", "300", ""])
        #expect(summary.missing == 1 && summary.diverged == 1 && summary.jobs == 6)
        #expect(summary.cells[0].diverged == 1 && summary.cells[1].missing == 1)
    }

    @Test func summaryStatisticsOverCompletedSeeds() throws {
        let r = try SyntheticResults()
        Self.populate(r)
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let rows = try csvRows(r.folder.read("summary.csv"))
        #expect(rows.count == 2)
        // cell 0: final returns [1.0, 0.8]; the diverged seed is counted, not averaged.
        let a = rows[0]
        #expect(a["cell"] == "baseline=none" && a["n"] == "2" && a["diverged"] == "1")
        #expect(isClose(number(a["mean"]), 0.9, absolute: 1e-12) && isClose(number(a["median"]), 0.9, absolute: 1e-12)
            && isClose(number(a["iqm"]), 0.9, absolute: 1e-12))
        #expect(isClose(number(a["std"]), 0.2 / 2.0.squareRoot(), absolute: 1e-12))
        // Student's interval with one degree of freedom: scipy.stats.ttest_1samp([1.0, 0.8], 0).confidence_interval().
        #expect(isClose(number(a["ci_low"]), -0.3706204736174691, absolute: 1e-12)
            && isClose(number(a["ci_high"]), 2.1706204736174692, absolute: 1e-12))
        #expect(number(a["min"]) == 0.8 && number(a["max"]) == 1.0)
        // Curves at steps 0, 100, 200, 300 with equal spacing: the area is the mean of the
        // three trapezoids' mid-heights, per job, then the mean over the two counted jobs.
        let areaSeed0 = ((0.1 + 0.4) / 2 + (0.4 + 0.8) / 2 + (0.8 + 1.0) / 2) / 3
        let areaSeed1 = ((0.2 + 0.5) / 2 + (0.5 + 0.6) / 2 + (0.6 + 0.8) / 2) / 3
        #expect(isClose(number(a["auc"]), (areaSeed0 + areaSeed1) / 2, absolute: 1e-12))
        #expect(isClose(number(a["auc_ci_low"]), 0.24067821492896574, absolute: 1e-12)
            && isClose(number(a["auc_ci_high"]), 0.875988451737701, absolute: 1e-12))
        let b = rows[1]
        #expect(b["n"] == "2" && b["diverged"] == "0" && isClose(number(b["mean"]), 0.8, absolute: 1e-12))
        #expect(isClose(number(b["ci_low"]), -0.4706204736174697, absolute: 1e-12)
            && isClose(number(b["ci_high"]), 2.0706204736174696, absolute: 1e-12))
    }

    @Test func curvesLongFormatAndSummaryOverCommonSteps() throws {
        let r = try SyntheticResults()
        Self.populate(r)
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let curves = try CSVTable(parsing: r.folder.read("curves.csv"))
        #expect(curves.header == ["cell", "baseline", "seed", "job_id"] + CurveRow.header)
        // Finished jobs only: 4 + 4 + 2 (diverged) + 4 + 3; the unfinished job's partial curve is left out.
        #expect(curves.rows.count == 17)
        #expect(curves.rows[8][2] == "2" && curves.rows[8][4] == "0")
        #expect(curves.rows[0][CurveRow.header.firstIndex(of: "value_loss")! + 4] == "")

        let summary = try csvRows(r.folder.read("curves_summary.csv"))
        let none = summary.filter { $0["cell"] == "baseline=none" }
        #expect(none.map { $0["step"]! } == ["0", "100", "200", "300"])
        #expect(none.allSatisfy { $0["n"] == "2" })
        #expect(zip(none.map { number($0["mean"]) }, [0.15, 0.45, 0.7, 0.9]).allSatisfy { isClose($0, $1, absolute: 1e-12) })
        // Student's band over the two seeds (scipy.stats.ttest_1samp(pair, 0).confidence_interval()).
        let lows = [-0.48531023680873475, -0.18531023680873454, -0.5706204736174698, -0.3706204736174691]
        let highs = [0.7853102368087348, 1.0853102368087346, 1.9706204736174697, 2.1706204736174692]
        #expect(zip(none.map { number($0["ci_low"]) }, lows).allSatisfy { isClose($0, $1, absolute: 1e-12) })
        #expect(zip(none.map { number($0["ci_high"]) }, highs).allSatisfy { isClose($0, $1, absolute: 1e-12) })
        // Seed 1 of cell 1 stops at step 200: step 300 is not common to both seeds.
        let mean = summary.filter { $0["cell"] == "baseline=mean" }
        #expect(mean.map { $0["step"]! } == ["0", "100", "200"])
    }

    @Test func varianceTablesAndRatioToNone() throws {
        let r = try SyntheticResults()
        Self.populate(r)
        let report = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let raw = try CSVTable(parsing: r.folder.read("variance.csv"))
        // The swept `baseline` meets the measured `baseline` column: the cell's is renamed.
        #expect(raw.header == ["cell", "cell.baseline", "seed", "job_id"] + VarianceRow.header)
        #expect(raw.rows[1][1] == "none" && raw.rows[1][VarianceRow.header.firstIndex(of: "baseline")! + 4] == "mean")
        #expect(raw.rows.count == 8 + 8 + 1 + 6 + 5)

        let rows = try csvRows(r.folder.read("variance_summary.csv"))
        let cell0 = rows.filter { $0["cell"] == "baseline=none" }
        #expect(cell0.map { "\($0["step"]!):\($0["baseline"]!)" }
            == ["0:none", "0:mean", "100:none", "100:mean", "200:none", "200:mean", "300:none", "300:mean"])
        // step 0: none (4+6)/2 = 5, mean (2+3)/2 = 2.5, ratio 0.5.
        #expect(isClose(number(cell0[0]["mean"]), 5, absolute: 1e-12) && isClose(number(cell0[0]["ratio_to_none"]), 1, absolute: 1e-12))
        #expect(isClose(number(cell0[1]["mean"]), 2.5, absolute: 1e-12) && isClose(number(cell0[1]["ratio_to_none"]), 0.5, absolute: 1e-12))
        // Its interval is the geometric mean's, √(2 · 3), from the t interval of log10 2, log10 3
        // (scipy: 10 ** ttest_1samp(np.log10([2, 3]), 0).confidence_interval()).
        #expect(isClose(number(cell0[1]["geomean"]), 2.449489742783178, relative: 1e-12) && cell0[1]["zero"] == "0")
        #expect(isClose(number(cell0[1]["ci_low"]), 0.1863587678194834, relative: 1e-9))
        #expect(isClose(number(cell0[1]["ci_high"]), 32.19596303519191, relative: 1e-9))
        // cell 1: step 100 measured by nobody; `mean` at 300 by one seed only.
        let cell1 = rows.filter { $0["cell"] == "baseline=mean" }
        #expect(cell1.map { "\($0["step"]!):\($0["baseline"]!)" } == ["0:none", "0:mean", "200:none", "200:mean", "300:none"])
        #expect(isClose(number(cell1[3]["ratio_to_none"]), 1.25 / 3, absolute: 1e-12))

        // The end-of-run summary: each cell's own baseline against none, at its last common step.
        #expect(report.cells[0].varianceRatioToNone == 1)
        #expect(isClose(report.cells[1].varianceRatioToNone ?? .nan, 1.25 / 3, absolute: 1e-12))
        let text = report.text
        #expect(text.contains("baseline=none") && text.contains("[-0.371, 2.171]") && text.contains("1 missing"))
    }

    @Test func deterministicByteIdenticalOutputs() throws {
        let r = try SyntheticResults()
        Self.populate(r)
        let first = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let snapshot = first.files.map { ($0, r.folder.read($0)) }
        // A second folder with its jobs written last first, then both built again.
        let s = try SyntheticResults()
        Self.populate(s, reversed: true)
        let second = try Reporter().build(plan: s.plan, resultsDirectory: s.url, render: nil)
        #expect(first.files == second.files)
        for (name, text) in snapshot {
            #expect(!text.isEmpty, "\(name)")
            #expect(s.folder.read(name) == text, "\(name) differs")
        }
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        for (name, text) in snapshot { #expect(r.folder.read(name) == text, "\(name) changed on rebuild") }
        // No temporary files are left behind.
        let leftovers = FileManager.default.enumerator(atPath: r.url.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func reloadsThePlanFromTheResultsFolder() throws {
        let r = try SyntheticResults()
        Self.populate(r)
        let viaFile = try Reporter().build(resultsDirectory: r.url, render: nil)
        #expect(viaFile.cells.map(\.label) == ["baseline=none", "baseline=mean"])
        #expect(viaFile.cells.map(\.n) == [2, 2])
    }

    @Test func emptyCellsAndNoDiagnosticsWriteNoEmptyPlots() throws {
        let r = try SyntheticResults()
        Self.populate(r, cellOneMissing: true)
        let report = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let rows = try csvRows(r.folder.read("summary.csv"))
        #expect(rows[1]["n"] == "0" && rows[1]["mean"] == "" && rows[1]["ci_low"] == "")
        #expect(report.cells[1].missing == 3)
        #expect(report.missing == 3 && report.text.contains("jobs: 6 planned, 3 missing"))

        // Nothing finished at all: no plot scripts, and stale ones are removed.
        let empty = try SyntheticResults()
        empty.folder.write("plots/learning_curves.gp", "stale")
        let none = try Reporter().build(plan: empty.plan, resultsDirectory: empty.url, render: nil)
        #expect(none.missing == 6 && !empty.folder.exists("plots/learning_curves.gp"))
        #expect(try csvRows(empty.folder.read("curves.csv")).isEmpty)
    }

    /// A `result.json` that does not decode leaves its job out as damaged, with the reason;
    /// the report goes on with the others.
    @Test func badResultFileIsReportedDamaged() throws {
        let r = try SyntheticResults()
        Self.populate(r)
        let id = r.job(cell: 0, seed: 0).id
        r.folder.write("jobs/\(id)/result.json", #"{"status": "exploded", "steps": 1}"#)
        let summary = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        #expect(summary.damaged.map(\.jobId) == [id])
        #expect(summary.damaged.first?.reason.contains("\(id)/result.json: cannot decode: at status:") == true, "\(summary.damaged)")
        #expect(summary.cells[0].n == 1 && summary.cells[0].completed == 1)
        #expect(summary.unverified.count == 4)
    }
}
