import Experiment
import Foundation
import PolicyGradient
import Testing

@testable import Sweep

/// A worker thread the system refuses leaves the pool short, not stuck: the started workers
/// (or, with none, the calling thread) run every job, and the report says how many started.
@Suite struct WorkerStartTests {
    /// Refuses the starts whose numbers (counted from 1) are in `refused`; starts the others.
    final class RefusingStarter: @unchecked Sendable {
        private let lock = NSLock()
        private var attempts = 0
        let refused: Set<Int>

        init(refusing refused: Set<Int>) { self.refused = refused }

        var start: @Sendable (@escaping @Sendable () -> Void) -> Bool {
            { body in
                self.lock.lock()
                self.attempts += 1
                let number = self.attempts
                self.lock.unlock()
                return self.refused.contains(number) ? false : WorkerThread.start(body)
            }
        }
    }

    /// Runs the 8-job plan with `jobs` workers whose starts in `refused` fail, and checks that
    /// every job completed with the files of a run whose threads all started.
    func runRefusing(_ refused: Set<Int>, jobs: Int, keeping kept: Int = 8) throws -> SweepReport {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 2))
        var settings = options(scratch.root("r"), jobs: jobs)
        settings.startThread = RefusingStarter(refusing: refused).start
        settings.workersAfterRefusal = kept
        let report = try SweepRunner(plan: plan, options: settings, body: FakeTrainer().body).run()
        #expect(report.completed == plan.jobs.map(\.id))
        #expect(report.notStarted.isEmpty && report.failed.isEmpty)
        _ = try SweepRunner(plan: plan, options: options(scratch.root("clean"), jobs: jobs), body: FakeTrainer().body).run()
        #expect(try snapshot(scratch.root("r")) == snapshot(scratch.root("clean")))
        return report
    }

    @Test func aRefusedWorkerLeavesTheOthersToRunEveryJob() throws {
        let report = try runRefusing([3], jobs: 4)
        #expect(report.workersRequested == 4)
        // No start is tried after the first refusal.
        #expect(report.workersStarted == 2 && report.workersUsed == 2)
        #expect(report.workerShortfall == "the system refused worker thread 3 of 4; the jobs ran on 2 of the 2 that "
            + "started, leaving the memory of the others to the jobs")
    }

    @Test func afterARefusalOnlyTheKeptWorkersTakeJobs() throws {
        let report = try runRefusing([5], jobs: 6, keeping: 1)
        #expect(report.workersStarted == 4 && report.workersUsed == 1)
        #expect(report.workerShortfall == "the system refused worker thread 5 of 6; the jobs ran on 1 of the 4 that "
            + "started, leaving the memory of the others to the jobs")
    }

    @Test func withNoWorkerStartedTheCallingThreadRunsEveryJob() throws {
        let report = try runRefusing([1, 2, 3, 4], jobs: 4)
        #expect(report.workersRequested == 4)
        #expect(report.workersStarted == 0)
        #expect(report.workerShortfall == "the system refused all 4 worker threads; the jobs ran one at a time")
    }

    @Test func allWorkersStartedIsNotWorthAWarning() throws {
        let report = try runRefusing([], jobs: 3)
        #expect(report.workersRequested == 3 && report.workersStarted == 3 && report.workersUsed == 3)
        #expect(report.workerShortfall == nil)
    }

    @Test func noMoreWorkersAreAskedForThanThereAreJobs() throws {
        let report = try runRefusing([], jobs: 50)
        #expect(report.workersRequested == 8 && report.workersStarted == 8)
    }
}
