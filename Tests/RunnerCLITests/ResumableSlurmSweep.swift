import Foundation
import TestSupport
import Testing

/// Two long, checkpointing jobs submitted to the test cluster as two array tasks, and the steps
/// the cluster tests share: waiting on SLURM's state, letting a requeued task start, and the
/// ending every resumption test checks (the report job completes, the folder holds a local
/// run's files byte for byte).
///
/// Nothing waits for a fixed time: every wait is a loop on SLURM's or the folder's state with
/// a hang-catcher.
struct ResumableSlurmSweep {
    /// Two long jobs (2,000,000 Bandit steps each, a checkpoint every 5,000).
    static let config = CheckpointBinaryTests.config
        .replacingOccurrences(of: "steps: 400000, eval_every: 20000", with: "steps: 2000000, eval_every: 100000")
        .replacingOccurrences(of: "checkpoint_every: 2000", with: "checkpoint_every: 5000")
        .replacingOccurrences(of: "seeds: 1", with: "seeds: 2")

    let dir = TemporaryFolder()
    let config: String
    /// The experiment's folder in the cluster's results, and its `jobs/`.
    let folder: URL
    let jobs: URL
    let arrayId: String
    let reportId: String

    /// Submits the sweep (`runner submit slurm --tasks 2`).
    init() throws {
        config = dir.write("resumable.yaml", Self.config)
        let cluster = dir.url.appendingPathComponent("cluster")
        folder = cluster.appendingPathComponent("resumable")
        jobs = folder.appendingPathComponent("jobs")
        let submit = try BinaryRunner.run(["submit", "slurm", config, "--results", cluster.path, "--tasks", "2"], in: dir.url)
        try #require(submit.status == 0, "\(submit.stdout)\n\(submit.stderr)")
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("slurm/submissions.json")))
                as? [[String: Any]])
        arrayId = try #require(records.first?["array_job_id"] as? String)
        reportId = try #require(records.first?["report_job_id"] as? String)
    }

    /// Cancels whatever the sweep left queued (call in a `defer`).
    func cancel() { SlurmCluster.cancelRecorded(in: folder) }

    /// `result.json` of every job, by id.
    func results() throws -> [String: [String: Any]] {
        try Dictionary(uniqueKeysWithValues: RunBinaryTests.jobs(in: jobs).map { id in
            let data = try Data(contentsOf: jobs.appendingPathComponent("\(id)/result.json"))
            return (id, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
        })
    }

    /// Waits for the report job to end and expects it completed with exit 0.
    func expectReportJobCompletes() throws {
        let ended = try Self.waitUntil("the report job to end", limit: 1200) {
            let text = try Self.jobState(reportId)
            return ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT"].contains { text.contains("JobState=\($0) ") }
        }
        try #require(ended)
        let report = try Self.jobState(reportId)
        #expect(report.contains("JobState=COMPLETED ") && report.contains("ExitCode=0:0"), "\(report)")
    }

    /// Runs the same file locally and expects the cluster's folder to hold the same files.
    func expectLocalRunMatches() throws {
        let local = dir.url.appendingPathComponent("local")
        let run = try BinaryRunner.run(["run", config, "--results", local.path, "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        let a = try RunBinaryTests.outputs(local.appendingPathComponent("resumable"))
        let b = try RunBinaryTests.outputs(folder)
        #expect(a.keys.contains("/summary.csv") && a.keys.contains("/jobs.csv"))
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
    }

    /// `scontrol show job -o ID`.
    static func jobState(_ id: String) throws -> String { try shell("scontrol show job -o \(id)").out }

    /// Once task `task` is PENDING again after a requeue, lets it start in 10 s: SLURM holds a
    /// requeued job back (Reason=BeginTime, about 2 minutes), and not at once, since slurmd
    /// refuses a launch in the same second as the revocation of the killed run's credential
    /// ("Job credential revoked"). True once it is pending (and moved) or running again; false
    /// when it ended instead.
    static func startSoonOnceRequeued(_ task: String) throws -> Bool {
        var requeued = false
        _ = try waitUntil("task \(task) to be requeued or to end", limit: 300) {
            let text = try jobState(task)
            if text.contains("JobState=PENDING ") {
                _ = try shell("scontrol update JobId=\(task) StartTime=now+10")
                requeued = true
                return true
            }
            if text.contains("JobState=RUNNING ") && !text.contains(" Restarts=0 ") {
                requeued = true
                return true
            }
            return ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT"].contains { text.contains("JobState=\($0) ") }
        }
        return requeued
    }

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
}
