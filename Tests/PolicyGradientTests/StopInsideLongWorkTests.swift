import TestSupport
import Testing
@testable import PolicyGradient

/// A stop requested while the trainer is deep inside one update, one batch collection or one
/// evaluation ends the run `interrupted` there, without waiting for the work to finish.
///
/// The sink answers "stop" from its `stopAtPoll`-th question on, so the stop lands at the same
/// point of the work on every run: no timing is involved.
@Suite struct StopInsideLongWorkTests {
    /// The chain with a time limit of ten million steps: no state is terminal, so an episode lasts
    /// far beyond the ~5,000 steps (20 polls of `StopPoll.interval`) where the stop lands. (A truly
    /// endless limit is refused before training: REINFORCE could not store one batch.)
    static func endlessChain() throws -> TrainerSettings.Environment {
        .init(source: .tabular(try Chain().mdp()), numEnvs: 1, maxEpisodeSteps: 10_000_000)
    }

    /// Trains `settings` into a sink that answers "stop" from its 20th question on, and checks
    /// that the run ended `interrupted` at that question; the outcome and what the sink saw.
    static func runStoppedAtThe20thPoll(
        _ settings: TrainerSettings, sourceLocation: SourceLocation = #_sourceLocation
    ) -> (outcome: TrainingOutcome, sink: RecordingSink) {
        let sink = RecordingSink(stopAtPoll: 20)
        let outcome = Trainer.run(settings, sink: sink)
        #expect(outcome.status == .interrupted, sourceLocation: sourceLocation)
        #expect(sink.polls == 20, sourceLocation: sourceLocation)
        return (outcome, sink)
    }

    @Test func ppoStopsInsideAMillionEpochUpdate() throws {
        // One one-step batch, then an update of 1,000,000 epochs of one minibatch each.
        let settings = TrainerSettings(
            environment: .init(source: .tabular(try Bandit(means: [0, 1]).mdp())),
            policy: .init(architecture: .tabular),
            estimator: .init(name: .ppo, nSteps: 1, normalizeAdvantage: false, epochs: 1_000_000, minibatches: 1),
            training: .init(steps: 1, evalEpisodes: 1),
            seed: 1)
        // Stopped at the 20th question, inside the first update: no update finished.
        let (outcome, sink) = Self.runStoppedAtThe20thPoll(settings)
        #expect(sink.progressSteps.isEmpty)
        #expect(outcome.steps == 1)
        #expect(sink.curve.map(\.step) == [0])
    }

    @Test func reinforceStopsInsideAnEndlessEpisode() throws {
        // The row-0 evaluation would never end either, so the collector is driven directly,
        // as gradient diagnostics drive it.
        let settings = TrainerSettings(
            environment: try Self.endlessChain(), policy: .init(architecture: .tabular),
            estimator: .init(name: .reinforce), training: .init(steps: 1_000), seed: 2)
        let session = try Trainer.makeSession(settings)
        let sink = RecordingSink(stopAtPoll: 20)
        session.stopPoll.source = sink
        var actions = RandomGenerator(seed: 2, stream: .diagnostics, index: 1 << 32)
        session.collectBatch(
            from: session.makeBatchEnvironments(seed: 2, stream: .diagnostics), actionGenerator: &actions,
            into: session.makeRollout())
        #expect(sink.polls == 20)
        #expect(session.stopPoll.isStopped)
    }

    @Test func fixedLengthCollectionStopsInsideALongRollout() {
        // A single rollout of 200,000 steps; the stop comes after about 20 × 256 of them.
        let settings = TrainerSettings(
            environment: .init(id: "CartPole-v1"), policy: .init(hidden: [8]),
            estimator: .init(name: .a2c, nSteps: 200_000), baseline: .value, critic: .init(hidden: [8]),
            training: .init(steps: 200_000, evalEpisodes: 1), seed: 3)
        let (outcome, sink) = Self.runStoppedAtThe20thPoll(settings)
        #expect(sink.progressSteps.isEmpty)
        #expect(outcome.steps > 0 && outcome.steps < 20 * StopPoll.interval)
        #expect(sink.curve.map(\.step) == [0])
    }

    @Test(arguments: [TrainerSettings.EstimatorName.reinforce, .a2c, .ppo])
    func evaluationStopsInsideAnEndlessEpisode(_ estimator: TrainerSettings.EstimatorName) throws {
        let settings = TrainerSettings(
            environment: try Self.endlessChain(), policy: .init(architecture: .tabular),
            estimator: .init(name: estimator), training: .init(steps: 1_000, evalEpisodes: 2), seed: 4)
        let (outcome, sink) = Self.runStoppedAtThe20thPoll(settings)
        // The abandoned evaluation writes no row.
        #expect(sink.curve.isEmpty)
        #expect(outcome.steps == 0)
    }
}
