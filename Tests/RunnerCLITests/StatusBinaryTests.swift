import Foundation
import TestSupport
import Testing

/// `runner status` through the built binary: counts, formats, the squeue call and its absence,
/// and the usage error for a folder that is not a results folder.
@Suite(.serialized) struct StatusBinaryTests {
    @Test func statusOfAFinishedSweepAndOfItsSlurmJobs() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let results = dir.url.appendingPathComponent("results")
        let run = try BinaryRunner.run(["run", config, "--results", results.path, "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = results.appendingPathComponent("e2e")

        let json = try BinaryRunner.run(["status", folder.path, "--format", "json"], in: dir.url)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["jobs"] as? [String: Int] == ["total": 6, "completed": 6, "running": 0, "failed": 0, "diverged": 0, "pending": 0])
        // 6 jobs of training.steps 4000, all done.
        #expect(object["steps"] as? [String: Int] == ["done": 24000, "total": 24000])
        #expect(object["slurm"] is NSNull)

        // Recorded SLURM jobs: one squeue call for all of them; a fake squeue records it.
        let slurm = folder.appendingPathComponent("slurm")
        try FileManager.default.createDirectory(at: slurm, withIntermediateDirectories: true)
        try Data(#"[{"submitted_at": "t", "config": "e2e.yaml", "tasks": 2, "parallel": null, "array_job_id": "71", "report_job_id": "72"}]"#.utf8)
            .write(to: slurm.appendingPathComponent("submissions.json"))
        let bin = dir.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let calls = dir.url.appendingPathComponent("calls")
        let fake = bin.appendingPathComponent("squeue")
        try "#!/bin/sh\necho \"$@\" >> '\(calls.path)'\necho '71_1 RUNNING'\necho '72 PENDING'\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let table = try BinaryRunner.run(["status", folder.path], in: dir.url, environment: ["PATH": bin.path])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("experiment e2e: 6 jobs, steps 24000 of 24000 (100.0%)"), "\(table.stdout)")
        #expect(table.stdout.contains("  completed  6\n"))
        #expect(table.stdout.contains("  71_1 RUNNING\n  72 PENDING"), "\(table.stdout)")
        #expect(try String(contentsOf: calls, encoding: .utf8) == "-h -j 71,72 -o %i %T\n")

        // Without squeue: a note, not an error.
        let empty = dir.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let noted = try BinaryRunner.run(["status", folder.path], in: dir.url, environment: ["PATH": empty.path])
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(noted.stdout.contains("(squeue is not on PATH)"), "\(noted.stdout)")
    }

    @Test func aFolderThatIsNotAResultsFolderIsAUsageError() throws {
        let dir = TemporaryFolder()
        let outcome = try BinaryRunner.run(["status", dir.url.path], in: dir.url)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("holds no experiment.yaml: not a results folder"), "\(outcome.stderr)")
    }
}
