import TestSupport
import Testing

@testable import PolicyGradient

/// An estimator added with one type and one registration (`WholeReturnREINFORCE`, in
/// TestSupport) is built, estimated in both precisions and trained like a built-in one.
@Suite struct AddedEstimatorTests {
    init() { WholeReturnREINFORCE.registered }

    static func settings(steps: Int = 3_000) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 2),
            estimator: .init(name: WholeReturnREINFORCE.name, gamma: 0.9, episodesPerUpdate: 3),
            optimizer: .init(lr: 0.01),
            training: .init(steps: steps, evalEvery: steps / 2, evalEpisodes: 3),
            seed: 5)
    }

    /// Each episode's `G_0 = Σ_t γ^t r_t`, summed forwards in Double, for every term of the episode.
    static func wholeReturns(_ batch: Rollout, gamma: Double) -> [Double] {
        var returns: [Double] = [], start = 0
        for k in 0..<batch.count where batch.endedStorage[k] {
            var g = 0.0, discount = 1.0
            for j in start...k {
                g += discount * batch.preciseRewardStorage[j]
                discount *= gamma
            }
            returns += Array(repeating: g, count: k - start + 1)
            start = k + 1
        }
        return returns
    }

    @Test func everyTermOfAnEpisodeEstimatesItsWholeReturn() throws {
        let state = try Trainer.makeState(Self.settings())
        let environments = state.makeBatchEnvironments(seed: 1, stream: .diagnostics)
        let batch = state.makeRollout()
        var generator = RandomGenerator(seed: 2, stream: .diagnostics)
        state.collectBatch(from: environments, start: .reset, actionGenerator: &generator, into: batch)
        let gamma = Double(Float(0.9))
        let expected = Self.wholeReturns(batch, gamma: gamma)
        #expect(batch.episodes == 3 && expected.count == batch.count)
        let precise = PreciseEstimates(estimator: Self.settings().estimator)
        precise.estimate(batch)
        for k in 0..<batch.count {
            #expect(isClose(Double(batch.qEstimateStorage[k]), expected[k], relative: 1e-5), "Float Q̂ of term \(k)")
            #expect(isClose(precise.qEstimates[k], expected[k], relative: 1e-12), "Double Q̂ of term \(k)")
        }
        // Not reward-to-go: a term after the first keeps the episode's whole return.
        let later = try #require((0..<batch.count).first { batch.timeStorage[$0] == 2 })
        #expect(batch.qEstimateStorage[later] == batch.qEstimateStorage[later - 2])
    }

    @Test func isListedAfterTheBuiltInOnesAndCannotBeRegisteredTwice() {
        #expect(PolicyGradientAlgorithms.all.prefix(5).map(\.name) == [.reinforce, .actorCritic, .a2c, .gae, .ppo])
        #expect(PolicyGradientAlgorithms.named(WholeReturnREINFORCE.name) is WholeReturnREINFORCE)
        #expect(throws: TrainerError("an estimator 'reinforce_whole_return' is already registered")) {
            try PolicyGradientAlgorithms.register(WholeReturnREINFORCE())
        }
        #expect(throws: TrainerError("an estimator 'ppo' is already registered")) {
            try PolicyGradientAlgorithms.register(PPO())
        }
    }

    @Test func trainsThroughTheTrainer() {
        let sink = RecordingSink()
        let outcome = Trainer.run(Self.settings(), sink: sink)
        #expect(outcome.status == .completed, "\(outcome)")
        #expect(outcome.finalReturn.isFinite && outcome.finalReturn > 0)
        #expect(sink.curve.count == 3 && sink.curve.allSatisfy { $0.evalReturnMean.isFinite })
        #expect(sink.curve.contains { $0.policyLoss != 0 }, "the policy was updated")
    }
}
