import Experiment
import Foundation
import PolicyGradient
import Results
import Testing

@testable import Sweep

@Suite struct StopAndLockTests {
    @Test func stopEndsRunningJobsInterruptedAndRerunCompletesThem() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 2))
        let root = scratch.root("r")
        let ids = plan.jobs.map(\.id)
        let flag = StopFlag()
        let trainer = FakeTrainer()
        // Jobs 0-2 finish; 3 and 4 wait for the stop, requested once both have started.
        trainer.blocking = [ids[3], ids[4]]
        trainer.stopFlag = flag
        trainer.stopAfterStarts = 5
        let report = try SweepRunner(plan: plan, options: options(root, jobs: 2), stopFlag: flag, body: trainer.body).run()

        #expect(report.wasInterrupted)
        #expect(report.completed == Array(ids[0..<3]))
        #expect(report.interrupted == [ids[3], ids[4]])
        #expect(report.notStarted == Array(ids[5...]))
        #expect(trainer.calledIds.count == 5)
        for id in ids[3...4] {
            let result = try #require(JobResult.read(from: jobFolder(root, plan, id).appendingPathComponent("result.json")))
            #expect(result.status == .interrupted)
        }
        let manifest = try Data(contentsOf: root.appendingPathComponent(plan.name).appendingPathComponent("manifest.json"))
        #expect(String(decoding: manifest, as: UTF8.self).contains("\"state\" : \"interrupted\""))
        for id in ids[5...] {
            #expect(!FileManager.default.fileExists(atPath: jobFolder(root, plan, id).path))
        }

        let again = FakeTrainer()
        let rerun = try SweepRunner(plan: plan, options: options(root), body: again.body).run()
        #expect(!rerun.wasInterrupted)
        #expect(Set(again.calledIds) == Set(ids[3...]))
        #expect(rerun.skipped == Array(ids[0..<3]))
        _ = try SweepRunner(plan: plan, options: options(scratch.root("clean")), body: FakeTrainer().body).run()
        #expect(try snapshot(root) == snapshot(scratch.root("clean")))
    }
}

@Suite(.serialized) struct SignalTests {
    @Test func sigintStopsTheSweepGracefully() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1))
        let root = scratch.root("r")
        let ids = plan.jobs.map(\.id)
        let trainer = FakeTrainer()
        trainer.blocking = [ids[1]]
        trainer.onStart = { job in
            if job.id == ids[1] { kill(getpid(), SIGINT) }
        }
        var settings = options(root, jobs: 1)
        settings.handleSignals = true
        let report = try SweepRunner(plan: plan, options: settings, body: trainer.body).run()
        #expect(report.wasInterrupted)
        #expect(report.completed == [ids[0]])
        #expect(report.interrupted == [ids[1]])
        #expect(report.notStarted == Array(ids[2...]))
    }
}

/// A value set from a job body and read after the sweep.
final class Box<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?
    var value: T? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); defer { lock.unlock() }; stored = newValue }
    }
}
