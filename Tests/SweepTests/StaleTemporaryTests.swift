import Experiment
import Foundation
import PolicyGradient
import Results
import Testing

@testable import Sweep

/// Temporaries left by a killed writer are removed by the next run or report, under the report claim.
@Suite struct StaleTemporaryTests {
    /// The pid of a process that has exited (and been reaped).
    private func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func deadWritersTemporariesAreRemovedLiveOnesAndLinksKept() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1, grid: false))
        let root = scratch.root("r")
        _ = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: FakeTrainer().body).run()
        let experiment = root.appendingPathComponent(plan.name)
        let job = jobFolder(root, plan, plan.jobs[0].id)
        let dead = try deadPID()
        let stale = [
            experiment.appendingPathComponent(".summary.csv.\(dead).3.tmp"),
            job.appendingPathComponent(".curve.csv.\(dead).1.tmp"),
            job.appendingPathComponent(".result.json.\(dead)-2.tmp"),
        ]
        // pid 1 is always running: its temporaries are not ours to judge stale.
        let live = experiment.appendingPathComponent(".jobs.csv.1.7.tmp")
        let userFile = scratch.directory.appendingPathComponent("precious.txt")
        try "keep me".write(to: userFile, atomically: true, encoding: .utf8)
        let link = experiment.appendingPathComponent(".manifest.json.\(dead).9.tmp")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: userFile)
        for url in stale + [live] { try "partial".write(to: url, atomically: false, encoding: .utf8) }

        _ = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: FakeTrainer().body).run()
        for url in stale { #expect(!FileManager.default.fileExists(atPath: url.path), "\(url.lastPathComponent)") }
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(try String(contentsOf: userFile, encoding: .utf8) == "keep me")
    }

    @Test func reportUnderTheReportClaimRemovesThemToo() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1, grid: false))
        let root = scratch.root("r")
        _ = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: FakeTrainer().body).run()
        let experiment = root.appendingPathComponent(plan.name)
        try FileManager.default.createDirectory(at: experiment.appendingPathComponent("plots"), withIntermediateDirectories: true)
        let stale = experiment.appendingPathComponent("plots/.learning_curves.gp.\(try deadPID()).4.tmp")
        try "partial".write(to: stale, atomically: false, encoding: .utf8)
        try SweepRunner.withReportClaim(on: experiment) {}
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func temporaryNamesCarryTheWritersPID() {
        let url = AtomicFile.temporaryURL(for: URL(fileURLWithPath: "/tmp/x/curve.csv"))
        #expect(TemporaryName.writer(of: url.lastPathComponent) == getpid())
        #expect(TemporaryName.writer(of: ".curve.csv.12.3.tmp") == 12)
        #expect(TemporaryName.writer(of: ".curve.csv.12-3.tmp") == 12)
        #expect(TemporaryName.writer(of: "curve.csv") == nil)
        #expect(TemporaryName.writer(of: ".curve.csv.tmp") == nil)
        #expect(TemporaryName.writer(of: ".x.abc.3.tmp") == nil)
    }
}
