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

/// `runner status` on a job that is running: its latest evaluation, as its checkpoint records
/// it, is the row a run of the same job to that step writes in `curve.csv`.
@Suite(.serialized) struct StatusOfARunningJobBinaryTests {
    static func experiment(steps: Int) -> String {
        """
        experiment: live
        environment: {id: CartPole-v1, num_envs: 4}
        estimator: {name: a2c, n_steps: 5}
        training: {steps: \(steps), eval_every: 2000, eval_episodes: 2, checkpoint_every: 2000}
        seeds: 1
        """
    }

    @Test func aRunningJobShowsItsLatestEvaluation() throws {
        let dir = TemporaryFolder()
        let config = dir.write("live.yaml", Self.experiment(steps: 50_000_000))
        let results = dir.url.appendingPathComponent("results")
        let folder = results.appendingPathComponent("live")
        let sweep = try RunBinaryTests.startSweep(config, results: results)
        // Held still once a checkpoint exists, so that its claim stays live while status reads it.
        RunBinaryTests.wait(for: sweep) {
            let jobs = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("jobs").path)) ?? []
            return jobs.contains { FileManager.default.fileExists(atPath: folder.appendingPathComponent("jobs/\($0)/checkpoint").path) }
        }
        kill(sweep.processIdentifier, SIGSTOP)
        defer {
            kill(sweep.processIdentifier, SIGKILL)
            sweep.waitUntilExit()
        }
        let json = try BinaryRunner.run(["status", folder.path, "--format", "json"], in: dir.url)
        let table = try BinaryRunner.run(["status", folder.path], in: dir.url)
        try #require(json.status == 0 && table.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let running = try #require((object["running"] as? [[String: Any]])?.first, "\(json.stdout)")
        let step = try #require(running["last_evaluation_step"] as? Int, "\(json.stdout)")
        let mean = try #require(running["last_evaluation_return"] as? String, "\(json.stdout)")
        #expect(step >= 2000 && step % 2000 == 0)
        #expect(table.stdout.contains("evaluation \(mean) at step \(step)"), "\(table.stdout)")

        // The same job trained to that step ends its curve with the same row.
        let shorter = dir.write("short.yaml", Self.experiment(steps: step))
        let other = dir.url.appendingPathComponent("other")
        let run = try BinaryRunner.run(["run", shorter, "--results", other.path, "--no-progress", "--no-report"], in: dir.url)
        try #require(run.status == 0, "\(run.stderr)")
        let jobs = other.appendingPathComponent("live/jobs")
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: jobs.path).first)
        let curve = try String(contentsOf: jobs.appendingPathComponent("\(id)/curve.csv"), encoding: .utf8)
        let last = try #require(curve.split(separator: "\n").last.map { $0.split(separator: ",", omittingEmptySubsequences: false) })
        #expect(last[0] == "\(step)" && last[2] == mean, "\(last) vs \(step), \(mean)")
    }
}
