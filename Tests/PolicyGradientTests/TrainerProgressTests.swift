import TestSupport
import Testing
@testable import PolicyGradient

/// The trainer tells its sink the step count after every update.
@Suite struct TrainerProgressTests {
    @Test func progressFollowsEveryUpdate() {
        let sink = RecordingSink()
        let outcome = Trainer.run(a2cCartPole(steps: 2_000), sink: sink)
        #expect(outcome.status == .completed)
        // 8 envs x 5 steps per update: one report per 40 steps, increasing, ending at the total.
        #expect(sink.progressSteps.count == 2_000 / 40)
        #expect(sink.progressSteps == sink.progressSteps.indices.map { ($0 + 1) * 40 })
        #expect(sink.progressSteps.last == outcome.steps && sink.curve.last?.step == outcome.steps)
    }
}
