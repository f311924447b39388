import Experiment
import Testing

/// `training.checkpoint_every`: validated, and not part of a job's identity.
@Suite struct CheckpointEveryTests {
    func withCheckpointEvery(_ value: String) -> String {
        minimal(training: "checkpoint_every", value)
    }

    @Test func belowOneIsALocatedError() {
        let scratch = Scratch()
        for value in ["0", "-5"] {
            scratch.expectSingleError(
                withCheckpointEvery(value), line: 8, column: 21, path: "training.checkpoint_every",
                contains: "must be at least 1")
        }
    }

    @Test func notAnIntegerIsALocatedError() {
        let scratch = Scratch()
        #expect(scratch.errors(withCheckpointEvery("often")).first?.path == "training.checkpoint_every")
    }

    /// When a run saves its state does not change what it computes: same ids, same config.yaml.
    @Test func leavesJobIdsAndConfigsUnchanged() throws {
        let scratch = Scratch()
        let plain = try scratch.load("a.yaml", minimal())
        let checkpointed = try scratch.load("b.yaml", withCheckpointEvery("250"))
        #expect(checkpointed.jobs.map(\.id) == plain.jobs.map(\.id))
        #expect(checkpointed.jobs.map(\.canonical) == plain.jobs.map(\.canonical))
        #expect(try checkpointed.jobs[0].config.trainerSettings().training.checkpointEvery == 250)
        #expect(plain.jobs[0].config.settings.training.checkpointEvery == nil)
    }
}
