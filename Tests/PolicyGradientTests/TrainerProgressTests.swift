import Testing
@testable import PolicyGradient

/// The trainer tells its sink the step count after every update.
@Suite struct TrainerProgressTests {
    final class ProgressSink: TrainingSink {
        var steps: [Int] = []
        var lastCurveStep = 0
        func record(_ row: CurveRow) { lastCurveStep = row.step }
        func record(_ row: VarianceRow) {}
        var shouldStop: Bool { false }
        func progress(steps: Int) { self.steps.append(steps) }
    }

    @Test func progressFollowsEveryUpdate() {
        let sink = ProgressSink()
        let outcome = Trainer.run(a2cCartPole(steps: 2_000), sink: sink)
        #expect(outcome.status == .completed)
        // 8 envs x 5 steps per update: one report per 40 steps, increasing, ending at the total.
        #expect(sink.steps.count == 2_000 / 40)
        #expect(sink.steps == sink.steps.indices.map { ($0 + 1) * 40 })
        #expect(sink.steps.last == outcome.steps && sink.lastCurveStep == outcome.steps)
    }
}
