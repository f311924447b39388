import Foundation
import TestSupport
import Testing
@testable import PolicyGradient

/// A gSDE job's saved policy: evaluated again (greedy, or sampled with the evaluation's own
/// exploration matrices) it gives the run's final return bit for bit, and its traced episodes
/// are reproducible from their seed.
@Suite struct SavedStateDependentPolicyTests {
    static func settings(_ evalPolicy: TrainerSettings.EvalPolicy) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: "Pendulum-v1", numEnvs: 2, maxEpisodeSteps: 40),
            policy: .init(hidden: [8], logStdInit: -1, sde: true, sdeSampleFreq: 5),
            estimator: .init(name: .ppo, nSteps: 8, epochs: 2, minibatches: 2),
            baseline: .value,
            critic: .init(hidden: [8]),
            optimizer: .init(configuration: .adam(), lr: 1e-3),
            training: .init(steps: 480, evalEvery: 160, evalEpisodes: 3, evalPolicy: evalPolicy),
            seed: 4)
    }

    @Test(arguments: [TrainerSettings.EvalPolicy.greedy, .sample])
    func evaluatingTheSavedPolicyReproducesTheFinalReturn(_ evalPolicy: TrainerSettings.EvalPolicy) throws {
        let settings = Self.settings(evalPolicy)
        let sink = RecordingSink()
        let outcome = Trainer.run(settings, sink: sink)
        #expect(outcome.status == .completed)
        let saved = try SavedPolicy.load(try #require(sink.policy).json())
        let (mean, _) = try Trainer.evaluate(saved, settings: settings)
        #expect(mean.bitPattern == outcome.finalReturn.bitPattern, "\(mean) vs \(outcome.finalReturn)")
    }

    @Test func tracedEpisodesAreReproducibleAndSampledOnesDifferFromGreedy() throws {
        let settings = Self.settings(.sample)
        let sink = RecordingSink()
        #expect(Trainer.run(settings, sink: sink).status == .completed)
        let saved = try #require(sink.policy)
        let sampled = try Trainer.episodes(saved, settings: settings, count: 1, greedy: false, seed: 3)
        let again = try Trainer.episodes(saved, settings: settings, count: 1, greedy: false, seed: 3)
        let greedy = try Trainer.episodes(saved, settings: settings, count: 1, greedy: true, seed: 3)
        #expect(sampled[0].actions == again[0].actions && sampled[0].actions.count == 40)
        #expect(sampled[0].actions != greedy[0].actions)
    }
}
