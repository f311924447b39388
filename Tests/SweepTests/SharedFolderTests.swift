import Experiment
import Foundation
import Results
import Testing

@testable import Sweep

/// Several runners on one results folder: per-job claims, takeover of abandoned claims, and
/// the report left to whoever finishes last.
@Suite struct SharedFolderTests {
    /// Writes a claim for `id` as another runner would have.
    func writeClaim(_ record: ClaimRecord, name: String, in experiment: URL) throws {
        let claims = experiment.appendingPathComponent("claims")
        try FileManager.default.createDirectory(at: claims, withIntermediateDirectories: true)
        try record.text.write(to: claims.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    /// A second runner started while the first runs job 1 leaves that job to it, runs the
    /// jobs the first has not reached, and the first then skips them: every job runs once.
    @Test func aSecondRunnerLeavesClaimedJobsToTheFirstAndEveryJobRunsOnce() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1))
        let ids = plan.jobs.map(\.id)
        let root = scratch.root("r")
        let second = FakeTrainer()
        let secondReport = Box<SweepReport>()
        let first = FakeTrainer()
        first.onStart = { job in
            guard job.id == ids[1] else { return }
            secondReport.value = try? SweepRunner(plan: plan, options: options(root, jobs: 1), body: second.body).run()
        }
        let report = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: first.body).run()
        let other = try #require(secondReport.value)
        #expect(first.calledIds == [ids[0], ids[1]])
        #expect(second.calledIds == [ids[2], ids[3]])
        #expect(other.skipped == [ids[0]] && other.claimedElsewhere == [ids[1]])
        #expect(other.claimOwner?.contains("pid \(getpid())") == true)
        #expect(!other.reportBuilt)
        #expect(report.completed == [ids[0], ids[1]] && report.skipped == [ids[2], ids[3]])
        #expect(report.reportBuilt)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("toy/claims").path).isEmpty)
        _ = try SweepRunner(plan: plan, options: options(scratch.root("clean")), body: FakeTrainer().body).run()
        #expect(try snapshot(root) == snapshot(scratch.root("clean")))
    }

    /// A claim left by a process of this host that has exited is taken over at once.
    @Test func aDeadRunnersClaimIsTakenOver() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1))
        let root = scratch.root("r")
        let experiment = root.appendingPathComponent(plan.name)
        let dead = try exitedPID()
        try writeClaim(
            ClaimRecord(host: ProcessInfo.processInfo.hostName, pid: dead, slurmJobId: nil, heartbeat: now()),
            name: plan.jobs[2].id, in: experiment)
        let trainer = FakeTrainer()
        let report = try SweepRunner(plan: plan, options: options(root), body: trainer.body).run()
        #expect(Set(trainer.calledIds) == Set(plan.jobs.map(\.id)))
        #expect(report.claimedElsewhere.isEmpty && report.reportBuilt)
    }

    /// Another host's claim with a fresh heartbeat is left to it; the run builds no report,
    /// and neither does `withReportClaim` until the claim goes, unless partial.
    @Test func anotherHostsLiveClaimIsLeftToItAndHoldsTheReportBack() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1))
        let root = scratch.root("r")
        let experiment = root.appendingPathComponent(plan.name)
        let held = plan.jobs[1].id
        try writeClaim(
            ClaimRecord(host: "node-elsewhere", pid: 1, slurmJobId: "81234_3", heartbeat: now()), name: held, in: experiment)
        let trainer = FakeTrainer()
        var built = false
        let report = try SweepRunner(plan: plan, options: options(root), body: trainer.body).run { _ in built = true }
        #expect(!built && !report.reportBuilt)
        #expect(report.claimedElsewhere == [held])
        #expect(report.claimOwner == "host node-elsewhere, pid 1, SLURM job 81234_3")
        #expect(!trainer.calledIds.contains(held) && trainer.calledIds.count == plan.jobs.count - 1)
        #expect { try SweepRunner.withReportClaim(on: experiment) {} } throws: {
            ($0 as? SweepError) == .jobsClaimed(
                directory: experiment.path, count: 1, owner: "host node-elsewhere, pid 1, SLURM job 81234_3")
        }
        var partial = false
        try SweepRunner.withReportClaim(on: experiment, partial: true) { partial = true }
        #expect(partial)
    }

    /// A report claim held by a live runner elsewhere: the run does its jobs, then says so.
    @Test func aLiveReportClaimIsAnError() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1, grid: false))
        let root = scratch.root("r")
        let experiment = root.appendingPathComponent(plan.name)
        try writeClaim(ClaimRecord(host: "node-elsewhere", pid: 7, slurmJobId: nil, heartbeat: now()), name: "report", in: experiment)
        #expect { _ = try SweepRunner(plan: plan, options: options(root), body: FakeTrainer().body).run() } throws: {
            "\($0)" == "another runner is writing the report of \(experiment.path) (host node-elsewhere, pid 7)"
        }
        #expect(JobResult.read(from: JobFiles(root: experiment, jobId: plan.jobs[0].id).result)?.status == .completed)
    }

    /// The plan of `text`, its job ids, a results root in `scratch` whose first job is claimed by process
    /// 4242 of host node1, and that owner's liveness, true until the test says otherwise.
    private func claimOfALiveLocalOwner(_ text: String, in scratch: Scratch) throws
        -> (plan: ExperimentPlan, ids: [String], root: URL, ownerAlive: Box<Bool>)
    {
        let plan = try scratch.plan(text)
        let root = scratch.root("r")
        try writeClaim(
            ClaimRecord(host: "node1", pid: 4242, slurmJobId: nil, heartbeat: now()), name: plan.jobs[0].id,
            in: root.appendingPathComponent(plan.name))
        let ownerAlive = Box<Bool>()
        ownerAlive.value = true
        return (plan, plan.jobs.map(\.id), root, ownerAlive)
    }

    /// A claim of this host's process 4242, whose liveness the test decides, on the first job: a
    /// one-worker run meets it live and moves on. When the owner dies while the run does its
    /// other jobs, the run looks again once they are done, takes the job over and builds the
    /// report; when the owner lives on, the job is left to it and no report is built.
    @Test(arguments: [true, false])
    func aClaimMetLiveIsLookedAtAgainBeforeTheRunEnds(ownerDies: Bool) throws {
        let scratch = Scratch()
        let (plan, ids, root, ownerAlive) = try claimOfALiveLocalOwner(experiment(seeds: 1), in: scratch)
        var options = options(root, jobs: 1)
        options.claimPolicy = ClaimPolicy(host: "node1", isAlive: { $0 != 4242 || ownerAlive.value == true })
        let trainer = FakeTrainer()
        // The run has met the claim by the time it starts the second job.
        trainer.onStart = { job in if ownerDies && job.id == ids[1] { ownerAlive.value = false } }
        let report = try SweepRunner(plan: plan, options: options, body: trainer.body).run()
        if ownerDies {
            #expect(trainer.calledIds == [ids[1], ids[2], ids[3], ids[0]])
            #expect(report.completed == ids && report.claimedElsewhere.isEmpty && report.reportBuilt)
            let claims = root.appendingPathComponent("toy/claims").path
            #expect(try FileManager.default.contentsOfDirectory(atPath: claims).isEmpty)
        } else {
            #expect(trainer.calledIds == [ids[1], ids[2], ids[3]])
            #expect(report.claimedElsewhere == [ids[0]] && !report.reportBuilt)
            #expect(report.claimOwner == "host node1, pid 4242")
        }
    }

    /// Another host's claim, fresh when the run meets it, has gone stale (the run's clock moved
    /// on by the timeout) by the time the run's other jobs are done: it is taken over then.
    @Test func anotherHostsClaimThatGoesStaleMeanwhileIsTakenOver() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1))
        let ids = plan.jobs.map(\.id)
        let root = scratch.root("r")
        let clock = TestClock()
        try writeClaim(
            ClaimRecord(host: "node-elsewhere", pid: 7, slurmJobId: nil, heartbeat: Int64(clock.now.timeIntervalSince1970)),
            name: ids[0], in: root.appendingPathComponent(plan.name))
        var options = options(root, jobs: 1)
        options.claimPolicy = ClaimPolicy(host: "node1", now: { clock.now })
        let trainer = FakeTrainer()
        trainer.onStart = { job in if job.id == ids[1] { clock.advance(ClaimPolicy.defaultStaleAfter) } }
        let report = try SweepRunner(plan: plan, options: options, body: trainer.body).run()
        #expect(trainer.calledIds == [ids[1], ids[2], ids[3], ids[0]])
        #expect(report.completed == ids && report.claimedElsewhere.isEmpty && report.reportBuilt)
    }

    /// Two workers: one meets a live claim on the first job while the other runs the second.
    /// The owner dies while that job still runs (it waits until the first job starts): the idle
    /// worker, looking again every `recheckInterval`, takes the abandoned job over without
    /// waiting for the other to finish.
    @Test func anIdleWorkerTakesOverAnAbandonedJobWhileAnotherStillRuns() throws {
        let scratch = Scratch()
        let (plan, ids, root, ownerAlive) = try claimOfALiveLocalOwner(experiment(seeds: 2, grid: false), in: scratch)
        let looked = DispatchSemaphore(value: 0), takenOver = DispatchSemaphore(value: 0)
        var options = options(root, jobs: 2)
        options.claimPolicy = ClaimPolicy(
            host: "node1", recheckInterval: 0.05,
            isAlive: { pid in
                guard pid == 4242 else { return true }
                let alive = ownerAlive.value == true
                looked.signal()
                return alive
            })
        let waited = Box<Bool>()
        let trainer = FakeTrainer()
        trainer.onStart = { job in
            guard job.id == ids[1] else {
                takenOver.signal()
                return
            }
            // Timeouts only catch a hang.
            _ = looked.wait(timeout: .now() + 60)
            ownerAlive.value = false
            waited.value = takenOver.wait(timeout: .now() + 60) == .success
        }
        let report = try SweepRunner(plan: plan, options: options, body: trainer.body).run()
        #expect(waited.value == true)
        #expect(Set(trainer.calledIds) == Set(ids))
        #expect(report.completed == ids && report.claimedElsewhere.isEmpty && report.reportBuilt)
    }

    /// A stale heartbeat (older than the timeout) is taken over whatever the host.
    @Test func aStaleClaimFromAnotherHostIsTakenOver() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1, grid: false))
        let root = scratch.root("r")
        let experiment = root.appendingPathComponent(plan.name)
        let old = now() - Int64(ClaimPolicy.defaultStaleAfter) - 1
        try writeClaim(ClaimRecord(host: "node-elsewhere", pid: 7, slurmJobId: nil, heartbeat: old), name: plan.jobs[0].id, in: experiment)
        try writeClaim(ClaimRecord(host: "node-elsewhere", pid: 7, slurmJobId: nil, heartbeat: old), name: "report", in: experiment)
        let trainer = FakeTrainer()
        let report = try SweepRunner(plan: plan, options: options(root), body: trainer.body).run()
        #expect(trainer.calledIds == [plan.jobs[0].id] && report.reportBuilt)
    }
}

/// The pid of a process that has exited (and been reaped).
func exitedPID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}
