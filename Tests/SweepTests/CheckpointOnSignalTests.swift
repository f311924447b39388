import Experiment
import Foundation
import PolicyGradient
import Results
import Testing

@testable import Sweep

/// A checkpoint request with a grace (SIGTERM's): within it the job saves at its next update
/// boundary; once it has run out the job stops at once, keeping its latest checkpoint. The
/// clock is the test's.
@Suite struct CheckpointOnSignalTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var nanoseconds: UInt64 = 1_000_000_000
        var now: UInt64 { lock.lock(); defer { lock.unlock() }; return nanoseconds }
        func advance(seconds: Double) { lock.lock(); nanoseconds += UInt64(seconds * 1e9); lock.unlock() }
    }

    /// Runs the sweep; at its first checkpoint, requests a checkpoint with a 2 s grace and
    /// moves the clock on by `elapsed` seconds.
    func run(_ plan: ExperimentPlan, _ root: URL, elapsed: Double) throws -> SweepReport {
        let clock = Clock()
        let flag = StopFlag(now: { clock.now })
        var opts = options(root, jobs: 1)
        opts.onCheckpoint = { _, _ in
            guard !flag.isStopped else { return }
            flag.requestCheckpoint(grace: 2)
            clock.advance(seconds: elapsed)
        }
        return try SweepRunner(plan: plan, options: opts, stopFlag: flag, body: TrainingJob.body).run()
    }

    @Test(arguments: [(1.9, 210), (2.0, 200)])
    func withinTheGraceTheJobSavesAtTheNextBoundaryElseItStopsAtOnce(elapsed: Double, savedAt: Int) throws {
        let scratch = Scratch()
        let plan = try scratch.plan(CheckpointResumeTests.config)
        let root = scratch.root("r"), whole = scratch.root("whole")
        let report = try run(plan, root, elapsed: elapsed)
        #expect(report.interrupted == [plan.jobs[0].id])
        let folder = JobFiles(root: root.appendingPathComponent(plan.name), jobId: plan.jobs[0].id)
        let checkpoint = try JobCheckpoint.load(Data(contentsOf: folder.checkpoint))
        #expect(checkpoint.step == savedAt)
        #expect(JobResult.read(from: folder.result)?.steps == savedAt)

        _ = try SweepRunner(plan: plan, options: options(root, jobs: 1), body: TrainingJob.body).run()
        _ = try SweepRunner(plan: plan, options: options(whole, jobs: 1), body: TrainingJob.body).run()
        #expect(JobResult.read(from: folder.result)?.resumedFromSteps == [savedAt])
        let job = JobFiles(root: whole.appendingPathComponent(plan.name), jobId: plan.jobs[0].id)
        for (a, b) in [(folder.curve, job.curve), (folder.variance, job.variance)] {
            #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        }
    }
}
