import Experiment
import Foundation
import Results
import Testing

@testable import Sweep

/// `SweepStatus` read from a folder in every state a job can be in, with an injected clock
/// and liveness check.
@Suite struct SweepStatusTests {
    let scratch = Scratch()
    let clock = TestClock()

    /// This runner: host node1, where only process 10 exists.
    var policy: ClaimPolicy {
        let clock = clock
        return ClaimPolicy(
            host: "node1", pid: 99, slurmJobId: nil, staleAfter: 600, heartbeatInterval: 30, now: { clock.now },
            isAlive: { $0 == 10 })
    }

    /// A finished sweep of 8 jobs (one failed, one diverged) with four jobs then made
    /// unfinished: one claimed by a live local process with a checkpoint at step 300, one by a
    /// live process of another host, one by a dead local process, one not claimed at all.
    func folder() throws -> (directory: URL, plan: ExperimentPlan, ids: [String]) {
        let plan = try scratch.plan(experiment(seeds: 2))
        let ids = plan.jobs.map(\.id)
        let trainer = FakeTrainer()
        trainer.rows = 10  // 1000 steps, the file's training.steps
        trainer.throwing = [ids[0]]
        trainer.diverging = [ids[1]]
        let root = scratch.root("results")
        _ = try SweepRunner(plan: plan, options: options(root), body: trainer.body).run()
        let directory = root.appendingPathComponent(plan.name)
        for id in ids[4...7] { try FileManager.default.removeItem(at: JobFiles(root: directory, jobId: id).result) }
        // A seal line, then the state: status reads the step without checking the seal.
        try Data(#"{"job_id": "x"}"#.utf8 + [0x0A] + #"{"step": 300, "resumed_from_steps": []}"#.utf8)
            .write(to: JobFiles(root: directory, jobId: ids[4]).checkpoint)
        let now = Int64(clock.now.timeIntervalSince1970)
        let claims = directory.appendingPathComponent("claims")
        try ClaimRecord(host: "node1", pid: 10, slurmJobId: "81234_2", heartbeat: now - 42).text
            .write(to: claims.appendingPathComponent(ids[4]), atomically: true, encoding: .utf8)
        try ClaimRecord(host: "node2", pid: 11, slurmJobId: nil, heartbeat: now - 5).text
            .write(to: claims.appendingPathComponent(ids[5]), atomically: true, encoding: .utf8)
        try ClaimRecord(host: "node1", pid: 12, slurmJobId: nil, heartbeat: now - 5).text
            .write(to: claims.appendingPathComponent(ids[6]), atomically: true, encoding: .utf8)
        return (directory, plan, ids)
    }

    @Test func countsEveryStateAndTheStepsDone() throws {
        let (directory, _, ids) = try folder()
        let status = try SweepStatus.read(directory, policy: policy)
        #expect(status.experiment == "toy")
        #expect(status.total == 8)
        #expect((status.completed, status.failed, status.diverged, status.pending) == (2, 1, 1, 2))
        #expect(status.running.map(\.jobId) == [ids[4], ids[5]])
        #expect(status.running.first?.owner.slurmJobId == "81234_2")
        #expect(status.running.map(\.heartbeatAge) == [42, 5])
        #expect(status.running.map(\.checkpointStep) == [300, nil])
        #expect(status.staleClaims == [ids[6]])
        // Independent truth: the steps the results record, plus the one checkpoint.
        let recorded = try ids[0...3].map { try #require(JobResult.read(from: JobFiles(root: directory, jobId: $0).result)).steps }
        #expect(recorded[1] == 500)  // diverged at row 5
        #expect(status.stepsDone == recorded.reduce(0, +) + 300)
        #expect(status.stepsTotal == 8 * 1000)
    }

    @Test func aJobCountsUpToItsBudgetThoughItsLastBatchEndsPastIt() throws {
        let (directory, _, ids) = try folder()
        let before = try SweepStatus.read(directory, policy: policy).stepsDone
        // A job that trained its whole budget of 1000 steps now says its last batch ended at 1032.
        let finished = try ids[0...3].first { id in
            try JobResult.read(from: JobFiles(root: directory, jobId: id).result)?.steps == 1000
        }
        let url = JobFiles(root: directory, jobId: try #require(finished)).result
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        json["steps"] = 1032
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        let status = try SweepStatus.read(directory, policy: policy)
        #expect(status.stepsDone == before && status.stepsDone <= status.stepsTotal)
        #expect(status.table(slurm: nil).hasPrefix("experiment toy: 8 jobs, steps \(before) of 8000"))
    }

    @Test func readingTakesNoClaimAndWritesNothing() throws {
        let (directory, _, _) = try folder()
        let before = try snapshot(directory)
        _ = try SweepStatus.read(directory, policy: policy)
        #expect(try snapshot(directory) == before)
    }

    @Test func aStaleHeartbeatOnAnotherHostIsNotRunning() throws {
        let (directory, _, ids) = try folder()
        clock.advance(600)
        let status = try SweepStatus.read(directory, policy: policy)
        #expect(status.running.isEmpty)
        #expect(status.staleClaims == [ids[4], ids[5], ids[6]])
        #expect(status.pending == 4)
    }

    @Test func tableAndJSONCarryTheCounts() throws {
        let (directory, _, ids) = try folder()
        let status = try SweepStatus.read(directory, policy: policy)
        let queue = SlurmOutput.parseQueue("81234_2 RUNNING\n81234_[3-7] PENDING\n")
        let table = status.table(slurm: queue)
        #expect(table.contains("  running    2\n"))
        #expect(table.contains("  pending    2\n"))
        #expect(table.contains("\(ids[4])  host node1, pid 10, SLURM job 81234_2  heartbeat 42 s ago  checkpoint step 300"))
        #expect(table.contains("  81234_[3-7] PENDING"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(status.json(slurm: queue).utf8)) as? [String: Any])
        let jobs = try #require(json["jobs"] as? [String: Int])
        #expect(jobs == ["total": 8, "completed": 2, "running": 2, "failed": 1, "diverged": 1, "pending": 2])
        let steps = try #require(json["steps"] as? [String: Int])
        #expect(steps["total"] == 8000 && steps["done"] == status.stepsDone)
        let slurm = try #require(json["slurm"] as? [String: Any])
        #expect((slurm["jobs"] as? [[String: String]])?.count == 2)
    }

    @Test func aFolderWithoutExperimentFileIsNotAResultsFolder() {
        #expect(throws: NotAResultsFolder.self) { try SweepStatus.read(scratch.directory, policy: policy) }
    }

    @Test func squeueOutputAndRecordedIds() throws {
        #expect(SlurmOutput.parseQueue("").note != nil)
        #expect(SlurmOutput.parseQueue("12 PENDING\n").entries == [.init(id: "12", state: "PENDING")])
        let slurm = scratch.directory.appendingPathComponent("slurm")
        try FileManager.default.createDirectory(at: slurm, withIntermediateDirectories: true)
        #expect(SlurmSubmissionLog.recordedJobIds(in: scratch.directory) == nil)
        let records = [
            ClusterSubmission(submittedAt: "t", config: "a.yaml", tasks: 4, parallel: nil, arrayJobId: "7", reportJobId: "8"),
            ClusterSubmission(submittedAt: "t", config: "a.yaml", tasks: 4, parallel: 2, arrayJobId: "9", reportJobId: nil),
        ]
        try JSONEncoder().encode(records).write(to: slurm.appendingPathComponent("submissions.json"))
        #expect(SlurmSubmissionLog.recordedJobIds(in: scratch.directory) == ["7", "8", "9"])
        #expect(SlurmOutput.squeueArguments(["7", "8"]) == ["-h", "-j", "7,8", "-o", "%i %T"])
    }
}
