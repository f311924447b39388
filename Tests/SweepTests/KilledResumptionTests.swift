import Experiment
import Foundation
import Results
import Testing

@testable import Sweep

/// A resumption killed before its first checkpoint still counts: opening a job from its
/// checkpoint records the resumption in the checkpoint at once.
@Suite struct KilledResumptionTests {
    @Test func aResumptionKilledBeforeItsFirstCheckpointIsCounted() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(CheckpointResumeTests.config)
        let whole = scratch.root("whole"), root = scratch.root("r")
        let resumable = CheckpointResumeTests()
        _ = try resumable.run(plan, whole, stopAtCheckpoint: false)
        _ = try resumable.run(plan, root, stopAtCheckpoint: true)
        let folder = JobFiles(root: root.appendingPathComponent(plan.name), jobId: plan.jobs[0].id)
        let stopped = try JobCheckpoint.load(Data(contentsOf: folder.checkpoint))
        #expect(stopped.resumedFromSteps.isEmpty)

        // A run opens the job from its checkpoint and is killed before it saves another.
        _ = try JobSink(
            folder: folder, jobId: plan.jobs[0].id, configText: try String(contentsOf: folder.config, encoding: .utf8),
            position: 0, stopFlag: StopFlag(), board: ProgressBoard(mode: .lines, total: 1), resume: stopped)
        let recorded = try JobCheckpoint.load(Data(contentsOf: folder.checkpoint))
        #expect(recorded.step == stopped.step && recorded.resumedFromSteps == [stopped.step])

        let last = try resumable.run(plan, root, stopAtCheckpoint: false)
        #expect(last.completed == [plan.jobs[0].id])
        let result = try #require(JobResult.read(from: folder.result))
        #expect(result.restarts == 2 && result.resumedFromSteps == [stopped.step, stopped.step])
        #expect(try resumable.curves(root, plan) == resumable.curves(whole, plan))
    }
}
