import Foundation
import TestSupport
import Testing

/// Array tasks requeued by SLURM mid-job (`scontrol requeue`, as a preemption does) resume
/// their jobs from the checkpoints, and the sweep ends with a local run's CSVs, byte for byte.
///
/// Nothing waits for a fixed time: the requeue is issued once a job has a checkpoint and no
/// result, and every wait is a loop on SLURM's or the folder's state with a hang-catcher.
@Suite(.serialized, .enabled(if: SlurmCluster.shouldRun, "needs a working SLURM (tools/slurm/start.sh)"))
struct SlurmPreemptionBinaryTests {
    /// Two long jobs (2,000,000 Bandit steps each, a checkpoint every 5,000).
    static let config = CheckpointBinaryTests.config
        .replacingOccurrences(of: "steps: 400000, eval_every: 20000", with: "steps: 2000000, eval_every: 100000")
        .replacingOccurrences(of: "checkpoint_every: 2000", with: "checkpoint_every: 5000")
        .replacingOccurrences(of: "seeds: 1", with: "seeds: 2")

    /// Runs `command` with `/bin/sh -c`; its standard output and status.
    static func shell(_ command: String) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Loops until `condition` holds; false (with a recorded issue) after `limit` seconds.
    static func waitUntil(_ what: String, limit: TimeInterval = 900, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        Issue.record("gave up waiting: \(what)")
        return false
    }

    @Test func requeuedTasksResumeFromTheirCheckpoints() throws {
        guard SlurmCluster.check() else { return }
        let dir = TemporaryFolder()
        let config = dir.write("resumable.yaml", Self.config)
        let local = dir.url.appendingPathComponent("local"), cluster = dir.url.appendingPathComponent("cluster")
        let folder = cluster.appendingPathComponent("resumable"), jobs = folder.appendingPathComponent("jobs")
        defer { SlurmCluster.cancelRecorded(in: folder) }

        let submit = try BinaryRunner.run(["submit", "slurm", config, "--results", cluster.path, "--tasks", "2"], in: dir.url)
        try #require(submit.status == 0, "\(submit.stdout)\n\(submit.stderr)")
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("slurm/submissions.json")))
                as? [[String: Any]])
        let arrayId = try #require(records.first?["array_job_id"] as? String)
        let reportId = try #require(records.first?["report_job_id"] as? String)

        // A job with a checkpoint and no result: its task is mid-job. Requeue every running task.
        let midJob = Self.waitUntil("a job's first checkpoint") {
            let ids = (try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []
            return ids.contains {
                FileManager.default.fileExists(atPath: jobs.appendingPathComponent("\($0)/checkpoint").path)
                    && !FileManager.default.fileExists(atPath: jobs.appendingPathComponent("\($0)/result.json").path)
            }
        }
        try #require(midJob)
        let running = try Self.shell("squeue -h -r -t RUNNING -j \(arrayId) -o %i").out
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        try #require(!running.isEmpty, "no array task is running")
        for task in running { _ = try Self.shell("scontrol requeue \(task)") }
        // SLURM holds a requeued job back (Reason=BeginTime, about 2 minutes); let it start in
        // 10 s instead. Not at once: slurmd refuses a launch in the same second as the revocation
        // of the killed run's credential ("Job credential revoked") and the task then fails.
        for task in running {
            _ = try Self.waitUntil("task \(task) to be requeued", limit: 300) {
                let text = try Self.shell("scontrol show job -o \(task)").out
                if text.contains("JobState=PENDING ") {
                    _ = try Self.shell("scontrol update JobId=\(task) StartTime=now+10")
                    return true
                }
                let restarted = text.contains("JobState=RUNNING ") && !text.contains(" Restarts=0 ")
                return restarted || text.contains("JobState=COMPLETED ") || text.contains("JobState=FAILED ")
            }
        }
        let ended = try Self.waitUntil("the report job to end", limit: 1200) {
            let text = try Self.shell("scontrol show job -o \(reportId)").out
            return ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT"].contains { text.contains("JobState=\($0) ") }
        }
        try #require(ended)
        let report = try Self.shell("scontrol show job -o \(reportId)").out
        #expect(report.contains("JobState=COMPLETED ") && report.contains("ExitCode=0:0"), "\(report)")

        var resumed = 0
        for id in RunBinaryTests.jobs(in: jobs) {
            let data = try Data(contentsOf: jobs.appendingPathComponent("\(id)/result.json"))
            let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(result["status"] as? String == "completed")
            if (result["restarts"] as? Int ?? 0) >= 1, let steps = result["resumed_from_steps"] as? [Int],
                steps.contains(where: { $0 > 0 }) {
                resumed += 1
            }
        }
        #expect(resumed >= 1, "no job resumed from a checkpoint")

        let run = try BinaryRunner.run(["run", config, "--results", local.path, "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        let a = try RunBinaryTests.outputs(local.appendingPathComponent("resumable"))
        let b = try RunBinaryTests.outputs(folder)
        #expect(a.keys.contains("/summary.csv") && a.keys.contains("/jobs.csv"))
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
    }
}
