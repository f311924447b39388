import Experiment
import Foundation
import PolicyGradient
import Results
import Testing

@testable import Sweep

@Suite struct ResumeTests {
    @Test func rerunRedoesOnlyTornAndFailedJobs() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 2))
        let root = scratch.root("r")
        _ = try SweepRunner(plan: plan, options: options(root), body: FakeTrainer().body).run()
        _ = try SweepRunner(plan: plan, options: options(scratch.root("clean")), body: FakeTrainer().body).run()

        let torn = plan.jobs[1].id
        let failed = plan.jobs[5].id
        // A torn folder: no result.json, a half-written curve left behind.
        try FileManager.default.removeItem(at: jobFolder(root, plan, torn).appendingPathComponent("result.json"))
        try "step,episodes\n1,".write(
            to: jobFolder(root, plan, torn).appendingPathComponent("curve.csv.tmp"), atomically: false, encoding: .utf8)
        let failedResult = JobResult(status: .failed, finalReturn: nil, error: "earlier failure", steps: 0, seconds: 1)
        try failedResult.jsonText.write(
            to: jobFolder(root, plan, failed).appendingPathComponent("result.json"), atomically: true, encoding: .utf8)

        let untouched = plan.jobs.map(\.id).filter { $0 != torn && $0 != failed }
        var before: [String: [String: String]] = [:]
        for id in untouched { before[id] = try identity(of: jobFolder(root, plan, id)) }

        let trainer = FakeTrainer()
        let report = try SweepRunner(plan: plan, options: options(root), body: trainer.body).run()
        #expect(Set(trainer.calledIds) == [torn, failed])
        #expect(trainer.calledIds.count == 2)
        #expect(report.completed == plan.jobs.map(\.id).filter { $0 == torn || $0 == failed })
        #expect(report.skipped == untouched)
        for id in untouched {
            #expect(try identity(of: jobFolder(root, plan, id)) == before[id])
        }
        #expect(try snapshot(root) == snapshot(scratch.root("clean")))
    }

    @Test func changedConfigFileIsRedone() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1))
        let root = scratch.root("r")
        _ = try SweepRunner(plan: plan, options: options(root), body: FakeTrainer().body).run()
        let id = plan.jobs[2].id
        try "seed: 99\n".write(
            to: jobFolder(root, plan, id).appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)

        let trainer = FakeTrainer()
        _ = try SweepRunner(plan: plan, options: options(root), body: trainer.body).run()
        #expect(trainer.calledIds == [id])
    }

    @Test func forceRecomputesEverything() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 2))
        let root = scratch.root("r")
        _ = try SweepRunner(plan: plan, options: options(root), body: FakeTrainer().body).run()
        let first = try snapshot(root)

        let trainer = FakeTrainer()
        let report = try SweepRunner(plan: plan, options: options(root, force: true), body: trainer.body).run()
        #expect(Set(trainer.calledIds) == Set(plan.jobs.map(\.id)))
        #expect(report.skipped.isEmpty)
        #expect(report.completed.count == plan.jobs.count)
        #expect(try snapshot(root) == first)
    }

    @Test func divergedAndThrowingJobsAreRecordedWhileOthersComplete() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 2))
        let root = scratch.root("r")
        let diverging = plan.jobs[2]
        let throwing = plan.jobs[4]
        let trainer = FakeTrainer()
        trainer.diverging = [diverging.id]
        trainer.throwing = [throwing.id]
        let report = try SweepRunner(plan: plan, options: options(root), body: trainer.body).run()

        #expect(report.diverged == [diverging.id])
        #expect(report.failed == [throwing.id])
        #expect(report.completed.count == plan.jobs.count - 2)
        #expect(!report.wasInterrupted)
        #expect(report.failures.map(\.jobId) == [diverging.id, throwing.id])
        let failure = try #require(report.failures.last)
        #expect(failure.status == .failed)
        #expect(failure.error?.contains("boom") == true)
        #expect(failure.step == 200)  // threw at row 3, after rows at steps 100 and 200
        #expect(failure.cell == plan.cells[throwing.cellIndex].label)
        #expect(failure.seed == throwing.seed)

        let stored = try #require(JobResult.read(from: jobFolder(root, plan, diverging.id).appendingPathComponent("result.json")))
        #expect(stored.status == .diverged)
        #expect(stored.finalReturn == nil)
        #expect(stored.steps == 500)
        let curve = try String(
            contentsOf: jobFolder(root, plan, throwing.id).appendingPathComponent("curve.csv"), encoding: .utf8)
        #expect(curve.split(separator: "\n").count == 3)  // the rows written before the throw

        // A rerun keeps the diverged job (a deterministic outcome) and redoes the failed one.
        let again = FakeTrainer()
        let rerun = try SweepRunner(plan: plan, options: options(root), body: again.body).run()
        #expect(again.calledIds == [throwing.id])
        #expect(rerun.completed == [throwing.id])
        #expect(rerun.failures.map(\.jobId) == [diverging.id])
        #expect(rerun.failures.first?.cached == true)
    }
}
