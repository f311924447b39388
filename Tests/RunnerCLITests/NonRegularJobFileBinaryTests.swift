import Foundation
import TestSupport
import Testing

/// A FIFO in place of a job's file is refused with its path and the reason, never opened for a
/// blocking read: `run`, `check`, `report`, `status` and `evaluate` all end (the binary runner's
/// hang-catcher fails the test otherwise), and `run` redoes the job.
@Suite(.serialized) struct NonRegularJobFileBinaryTests {
    static let names = ["curve.csv", "config.yaml", "variance.csv", "policy.json", "checkpoint", "result.json"]

    @Test(arguments: names) func aFIFOInPlaceOfAJobFileIsRefused(_ name: String) throws {
        let setup = ForgedJobFilesBinaryTests.Setup()
        #expect(try setup.run("results", ["--keep-checkpoints"]).status == 0)
        let job = try #require(try setup.jobs("results").first)
        let file = job.appendingPathComponent(name)
        try FileManager.default.removeItem(at: file)
        #expect(mkfifo(file.path, 0o644) == 0)
        // With its result gone, the job's checkpoint is read to resume it.
        if name == "checkpoint" { try FileManager.default.removeItem(at: job.appendingPathComponent("result.json")) }
        let folder = setup.folder("results").path

        let report = try BinaryRunner.run(["report", folder], in: setup.dir.url, timeout: 120)
        #expect(report.status == 0 && !report.crashed, "\(report.stderr)")
        if name != "checkpoint" {
            #expect(report.stderr.contains("warning: job \(job.lastPathComponent) is damaged")
                        && report.stderr.contains("\(name): cannot read: it is a FIFO, not a regular file"), "\(report.stderr)")
        }
        let status = try BinaryRunner.run(["status", folder], in: setup.dir.url, timeout: 120)
        #expect(status.status == 0 && !status.crashed, "\(status.stderr)")
        let evaluate = try BinaryRunner.run(["evaluate", folder], in: setup.dir.url, timeout: 120)
        #expect([0, 1].contains(evaluate.status) && !evaluate.crashed, "\(evaluate.stderr)")

        let run = try setup.run("results", timeout: 120)
        #expect(run.status == 0 && !run.crashed, "\(run.stderr)")
        #expect(run.stderr.contains(
            name == "checkpoint" ? "its checkpoint was not used (\(file.path): cannot read: it is a FIFO"
                : "warning: job \(job.lastPathComponent) is damaged ("), "\(run.stderr)")
        var info = stat()
        #expect(lstat(file.path, &info) != 0 || info.st_mode & S_IFMT == S_IFREG, "the run left the FIFO in place")
        let check = try setup.run("results", command: "check")
        #expect(check.status == 1 && !check.crashed && check.stdout.contains("FAILED"), "\(check.stdout)")
    }

    @Test func aFIFOInPlaceOfTheSavedExperimentIsRefused() throws {
        let setup = ForgedJobFilesBinaryTests.Setup()
        #expect(try setup.run("results").status == 0)
        let saved = setup.folder("results").appendingPathComponent("experiment.yaml")
        try FileManager.default.removeItem(at: saved)
        #expect(mkfifo(saved.path, 0o644) == 0)
        for command in ["report", "status", "evaluate"] {
            let outcome = try BinaryRunner.run([command, setup.folder("results").path], in: setup.dir.url, timeout: 120)
            #expect(outcome.status == 1 && !outcome.crashed, "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.contains("experiment.yaml: cannot read: it is a FIFO, not a regular file"), "\(outcome.stderr)")
        }
    }
}
