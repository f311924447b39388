import Foundation
import TestSupport
import Testing
@testable import PolicyGradient

/// A completed run's saved policy: written once, deterministic, and evaluated again it gives
/// the run's final return bit for bit.
@Suite struct SavedPolicyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let estimator: TrainerSettings.EstimatorName
        let environment: String
        let normalized: Bool
        let greedy: Bool
        var testDescription: String { "\(estimator) \(environment)\(normalized ? " normalized" : "")" }
    }

    static let cases = [
        Case(estimator: .a2c, environment: "CartPole-v1", normalized: false, greedy: false),
        Case(estimator: .ppo, environment: "MountainCar-v0", normalized: true, greedy: true),
        Case(estimator: .ppo, environment: "Pendulum-v1", normalized: true, greedy: false),
        Case(estimator: .reinforce, environment: "Acrobot-v1", normalized: false, greedy: true),
    ]

    static func settings(_ c: Case) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: c.environment, numEnvs: 2, maxEpisodeSteps: 40, normalize: c.normalized ? Normalization() : nil),
            policy: .init(hidden: [8]),
            estimator: .init(name: c.estimator, nSteps: 8, episodesPerUpdate: 2, epochs: 2, minibatches: 2),
            baseline: .value,
            critic: .init(hidden: [8]),
            optimizer: .init(configuration: .adam(), lr: 1e-3),
            training: .init(steps: 480, evalEvery: 160, evalEpisodes: 3, evalPolicy: c.greedy ? .greedy : .sample),
            seed: 9)
    }

    @Test(arguments: cases) func evaluatingTheSavedPolicyReproducesTheFinalReturn(_ c: Case) throws {
        let settings = Self.settings(c)
        let sink = RecordingSink()
        let outcome = Trainer.run(settings, sink: sink)
        #expect(outcome.status == .completed)
        #expect(sink.policies.count == 1, "one policy per run")
        let saved = try #require(sink.policy)
        #expect((saved.normalization != nil) == c.normalized)
        // Through the file's bytes, as `runner evaluate` reads it.
        let loaded = try SavedPolicy.load(saved.json())
        #expect(loaded == saved)
        let (mean, _) = try Trainer.evaluate(loaded, settings: settings)
        #expect(mean.bitPattern == outcome.finalReturn.bitPattern, "\(mean) vs \(outcome.finalReturn)")
        #expect(mean.bitPattern == sink.curve.last?.evalReturnMean.bitPattern)
    }

    @Test func theFileIsDeterministic() throws {
        let settings = Self.settings(Self.cases[1])
        let first = RecordingSink(), second = RecordingSink()
        _ = Trainer.run(settings, sink: first)
        _ = Trainer.run(settings, sink: second)
        let a = try #require(first.policy).json(), b = try #require(second.policy).json()
        #expect(a == b)
        #expect(a.count < 20_000, "\(a.count) bytes")
    }

    /// Another seed draws other episodes; the policy and statistics stay the saved ones.
    @Test func anotherSeedOrEpisodeCountEvaluatesAfresh() throws {
        let settings = Self.settings(Self.cases[0])
        let sink = RecordingSink()
        _ = Trainer.run(settings, sink: sink)
        let saved = try #require(sink.policy)
        let five = try Trainer.evaluate(saved, settings: settings, episodes: 5)
        #expect(five.mean.isFinite)
        let again = try Trainer.evaluate(saved, settings: settings, episodes: 5, seed: 123)
        let same = try Trainer.evaluate(saved, settings: settings, episodes: 5, seed: 123)
        #expect(again.mean.bitPattern == same.mean.bitPattern)
    }

    @Test func aPolicyOfAnotherShapeIsRefused() throws {
        let sink = RecordingSink()
        _ = Trainer.run(Self.settings(Self.cases[0]), sink: sink)
        var saved = try #require(sink.policy)
        saved.parameters.removeLast()
        #expect(throws: TrainerError.self) { try Trainer.evaluate(saved, settings: Self.settings(Self.cases[0])) }
    }
}
