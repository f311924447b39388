import Experiment
import Foundation
import PolicyGradient
import Report
import Results
import Testing

@testable import Sweep

/// A finished job whose files no longer match its `result.json` is redone by the next run.
@Suite struct DamagedJobFilesTests {
    /// Runs a 2-seed sweep into `root` and returns the first job's folder.
    private func finishedSweep(_ scratch: Scratch, _ root: URL) throws -> (ExperimentPlan, URL) {
        let plan = try scratch.plan(experiment(seeds: 2, grid: false))
        _ = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: FakeTrainer().body).run()
        return (plan, jobFolder(root, plan, plan.jobs[0].id))
    }

    /// The bytes of `url` without its last `n` bytes.
    private func cut(_ url: URL, dropping n: Int) throws {
        let data = try Data(contentsOf: url)
        try data.prefix(data.count - n).write(to: url)
    }

    @Test func curveCutAtARowBoundaryIsRedone() throws {
        let scratch = Scratch()
        let root = scratch.root("r")
        let (plan, folder) = try finishedSweep(scratch, root)
        let curve = folder.appendingPathComponent("curve.csv")
        let intact = try Data(contentsOf: curve)
        // Drop the last whole row: still a well-formed CSV, one row short.
        let text = String(decoding: intact, as: UTF8.self)
        let lastRow = text.dropLast().split(separator: "\n").last!
        try cut(curve, dropping: lastRow.utf8.count + 1)

        let trainer = FakeTrainer()
        let report = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: trainer.body).run()
        #expect(trainer.calledIds == [plan.jobs[0].id])
        #expect(report.completed == [plan.jobs[0].id] && report.skipped == [plan.jobs[1].id])
        #expect(try Data(contentsOf: curve) == intact)
    }

    @Test func curveCutMidRowIsRedoneAndTheRunSucceeds() throws {
        let scratch = Scratch()
        let root = scratch.root("r")
        let (plan, folder) = try finishedSweep(scratch, root)
        let curve = folder.appendingPathComponent("curve.csv")
        let intact = try Data(contentsOf: curve)
        try cut(curve, dropping: 7)

        let trainer = FakeTrainer()
        let report = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: trainer.body).run { report in
            // The report built under the lock reads every job without error.
            _ = try Reporter().build(plan: plan, resultsDirectory: report.directory, render: nil, renderer: nil)
        }
        #expect(trainer.calledIds == [plan.jobs[0].id])
        #expect(report.failed.isEmpty && report.completed == [plan.jobs[0].id])
        #expect(try Data(contentsOf: curve) == intact)
    }

    @Test func sameSizeEditAndMissingVarianceAreRedone() throws {
        let scratch = Scratch()
        let root = scratch.root("r")
        let (plan, first) = try finishedSweep(scratch, root)
        let second = jobFolder(root, plan, plan.jobs[1].id)
        // One digit changed, same size and lines: only the checksum tells.
        let curve = first.appendingPathComponent("curve.csv")
        var bytes = [UInt8](try Data(contentsOf: curve))
        let digit = bytes.lastIndex { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "8") }!
        bytes[digit] += 1
        try Data(bytes).write(to: curve)
        try FileManager.default.removeItem(at: second.appendingPathComponent("variance.csv"))

        let trainer = FakeTrainer()
        _ = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: trainer.body).run()
        #expect(Set(trainer.calledIds) == Set(plan.jobs.map(\.id)))
    }

    /// updates.csv is vouched for once recorded: a missing one makes the job run again, and a
    /// result that does not record it (an earlier version's) leaves the job finished.
    @Test func aRecordedUpdatesFileThatIsMissingIsRedone() throws {
        let scratch = Scratch()
        let root = scratch.root("r")
        let (plan, first) = try finishedSweep(scratch, root)
        let second = jobFolder(root, plan, plan.jobs[1].id)
        try FileManager.default.removeItem(at: first.appendingPathComponent("updates.csv"))
        let resultURL = second.appendingPathComponent("result.json")
        var result = try #require(JobResult.read(from: resultURL))
        result.files?["updates.csv"] = nil
        try result.jsonText.write(to: resultURL, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: second.appendingPathComponent("updates.csv"))

        let trainer = FakeTrainer()
        _ = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: trainer.body).run()
        #expect(trainer.calledIds == [plan.jobs[0].id])
    }

    @Test func resultWithoutChecksumsIsRedone() throws {
        let scratch = Scratch()
        let root = scratch.root("r")
        let (plan, folder) = try finishedSweep(scratch, root)
        let resultURL = folder.appendingPathComponent("result.json")
        var result = try #require(JobResult.read(from: resultURL))
        // The fake trainer completes no policy; every job writes updates.csv (here header only).
        #expect(Set(result.files?.keys ?? [:].keys) == Set(JobFiles.verifiedNames + ["updates.csv"]))
        result.files = nil
        try result.jsonText.write(to: resultURL, atomically: true, encoding: .utf8)

        let trainer = FakeTrainer()
        _ = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: trainer.body).run()
        #expect(trainer.calledIds == [plan.jobs[0].id])
        #expect(JobResult.read(from: resultURL)?.files != nil)
    }

    @Test func recordedDigestsAreTheFilesOwn() throws {
        let scratch = Scratch()
        let root = scratch.root("r")
        let (_, folder) = try finishedSweep(scratch, root)
        let result = try #require(JobResult.read(from: folder.appendingPathComponent("result.json")))
        for name in JobFiles.verifiedNames {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let recorded = try #require(result.files?[name])
            #expect(recorded.bytes == data.count)
            #expect(recorded.lines == data.filter { $0 == 0x0A }.count)
            #expect(recorded.sha256 == SHA256.hex(SHA256.digest(data)))
        }
    }
}
