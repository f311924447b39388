import Foundation
import TestSupport
import Testing
@testable import PolicyGradient

/// A Chain job with a tabular policy (so ĝ lives in logit space, as `ExactPolicyGradient`).
func chainReinforce(rewardToGo: Bool, discountWeighting: Bool, numEnvs: Int = 4, episodes: Int = 1) throws -> TrainerSettings {
    let mdp = try Chain(length: 4, slip: 0.2, smallReward: 2, largeReward: 10, horizon: 8).mdp()
    return TrainerSettings(
        environment: .init(source: .tabular(mdp), numEnvs: numEnvs),
        policy: .init(architecture: .tabular),
        estimator: .init(
            name: .reinforce, gamma: 0.9, episodesPerUpdate: episodes, rewardToGo: rewardToGo,
            discountWeighting: discountWeighting),
        training: .init(steps: 1_000))
}

/// One batch of `a2cCartPole` (8 copies × 5 steps) from the diagnostics streams of `seed`, with
/// the copies and the action generator to collect the next one.
func a2cCartPoleBatch(seed: UInt64) throws
    -> (state: any TrainerState, envs: BatchEnvironments, actions: RandomGenerator, batch: Rollout)
{
    let state = try Trainer.makeState(a2cCartPole(steps: 1_000))
    let envs = state.makeBatchEnvironments(seed: seed, stream: .diagnostics)
    var actions = RandomGenerator(seed: seed, stream: .diagnostics, index: 1 << 32)
    let batch = state.makeRollout()
    state.collectBatch(from: envs, actionGenerator: &actions, into: batch)
    return (state, envs, actions, batch)
}

@Suite struct RolloutTests {
    @Test func fixedLengthBatchHasTheUpdateShape() throws {
        var (state, envs, actions, batch) = try a2cCartPoleBatch(seed: 9)
        #expect(batch.count == 40 && batch.numEnvs == 8 && batch.steps == 5)
        #expect(batch.observations.count == 48 * 4)
        #expect(batch.termScale == Float(1) / 40)
        #expect(Array(batch.termWeights) == [Float](repeating: 1, count: 40))
        // CartPole pays 1 per step: with no episode ending (5 steps from a reset),
        // R_t = Σ_{k<5−t} γ^k + γ^{5−t} V(s_5).
        #expect(!batch.terminated.contains(true))
        for i in 0..<8 {
            var r = batch.nextValues[32 + i]
            for t in stride(from: 4, through: 0, by: -1) {
                r = 1 + 0.99 * (t == 4 ? batch.nextValues[32 + i] : r)
                #expect(abs(batch.qEstimates[t * 8 + i] - r) < 1e-4)
            }
        }
        // The same copies and generator stream again give a new, different batch.
        let first = Array(batch.observations)
        state.collectBatch(from: envs, actionGenerator: &actions, into: batch)
        #expect(Array(batch.observations) != first)
    }

    @Test func reinforceBatchIsCompleteEpisodes() throws {
        let state = try Trainer.makeState(try chainReinforce(rewardToGo: true, discountWeighting: true, episodes: 3))
        let envs = state.makeBatchEnvironments(seed: 1, stream: .diagnostics)
        var actions = RandomGenerator(seed: 1, stream: .diagnostics, index: 1 << 32)
        let batch = state.makeRollout()
        state.collectBatch(from: envs, actionGenerator: &actions, into: batch)
        #expect(batch.episodes == 3 && batch.count == 24, "three 8-step episodes (no terminal states)")
        #expect(batch.termScale == Float(1) / 3)
        for k in 0..<24 {
            let t = k % 8
            #expect(batch.timeIndices[k] == t)
            #expect(batch.truncated[k] == (t == 7))
            #expect(abs(batch.termWeights[k] - Float(pow(0.9, Double(t)))) < 1e-6)
        }
    }

    /// With reward-to-go and γ^t weighting, REINFORCE's ĝ is unbiased for ∇J_H (Williams
    /// 1992; Sutton et al. 2000) whatever the constant baseline; without the weighting its expectation is the
    /// biased Σ_t A_t. Mean of 6000 estimates vs the exact dynamic programming, within 4.5
    /// standard errors per component (plus 1e-3 for Float32 rounding).
    @Test(arguments: [(true, true), (true, false), (false, false)])
    func reinforceExpectationMatchesTheExactGradient(rewardToGo: Bool, discountWeighting: Bool) throws {
        let settings = try chainReinforce(rewardToGo: rewardToGo, discountWeighting: discountWeighting)
        let state = try Trainer.makeState(settings)
        guard case .discrete(let policy) = state.policy, case .tabular(let mdp) = settings.environment.source else {
            Issue.record("expected a tabular policy")
            return
        }
        let logits: [Float] = [0.3, -0.2, 0.1, 0.4, -0.5, 0.2, 0.0, 0.6]
        policy.parameters.parameterArray = logits
        let exact = ExactPolicyGradient(mdp: mdp, gamma: 0.9, logits: logits.map(Double.init))
            .expectedEstimate(rewardToGo: rewardToGo, discountWeighting: discountWeighting)
        let envs = state.makeBatchEnvironments(seed: 3, stream: .diagnostics)
        var actions = RandomGenerator(seed: 3, stream: .diagnostics, index: 1 << 32)
        let batch = state.makeRollout()
        let k = 6000
        var sum = [Double](repeating: 0, count: 8), squares = sum
        for _ in 0..<k {
            state.collectBatch(from: envs, actionGenerator: &actions, into: batch)
            let g = state.policyGradient(batch, baseline: .constant(5))
            for j in 0..<8 {
                sum[j] += Double(g[j])
                squares[j] += Double(g[j]) * Double(g[j])
            }
        }
        for j in 0..<8 {
            let mean = sum[j] / Double(k)
            let standardError = ((squares[j] / Double(k) - mean * mean) / Double(k)).squareRoot()
            #expect(abs(mean - exact[j]) <= 4.5 * standardError + 1e-3, "component \(j): \(mean) vs \(exact[j])")
        }
    }

    @Test func measurementHookLeavesTrainingUnchanged() {
        var settings = a2cCartPole(steps: 3_000, seed: 2)
        settings.estimator = .init(name: .ppo, nSteps: 16, minibatches: 2)
        let plain = RecordingSink()
        _ = Trainer.run(settings, sink: plain)
        settings.diagnostics = .init(every: 1_000, samples: 3, compare: [.none, .optimal, .value])
        var calls: [Int] = []
        let trainer = Trainer { state, step in
            calls.append(step)
            let envs = state.makeBatchEnvironments(seed: 2, stream: .diagnostics)
            var actions = RandomGenerator(seed: 2, stream: .diagnostics, index: 1 << 32)
            let batch = state.makeRollout()
            var rows: [VarianceRow] = []
            for kind in state.settings.diagnostics!.compare {
                state.collectBatch(from: envs, actionGenerator: &actions, into: batch)
                let g = state.policyGradient(batch, baseline: state.resolvedBaseline(kind))
                let norm = Double(g.map { $0 * $0 }.reduce(0, +)).squareRoot()
                rows.append(VarianceRow(step: step, baseline: kind.rawValue, samples: 1, gradNorm: norm, variance: 0, snr: 0))
            }
            return rows
        }
        let measured = RecordingSink()
        _ = trainer.run(settings, sink: measured)
        #expect(bitPatterns(plain.curve) == bitPatterns(measured.curve))
        #expect(calls == [0, 1_024, 2_048, 3_072], "step 0, then each update crossing a multiple of 1000 (128-step updates)")
        #expect(measured.variance.count == 12)
        #expect(measured.variance.allSatisfy { $0.gradNorm.isFinite && $0.gradNorm > 0 })
    }
}

@Suite struct RolloutMinibatchTests {
    /// PPO's minibatches: one Fisher–Yates permutation per pass, drawn from the top as numpy's
    /// (one `int(below: k + 1)` for k = count−1 down to 1), cut in order into minibatches of the
    /// given size (the last shorter), each gathering its terms' rows of the batch.
    @Test func minibatchesGatherAShuffleOfEveryTermOnce() throws {
        let batch = try a2cCartPoleBatch(seed: 5).batch
        #expect(batch.count == 40)
        batch.subtractBaseline(.constant(0.25))

        var generator = RandomGenerator(seed: 5, stream: .minibatches)
        var reference = generator
        var expected = Array(0..<40)
        for k in stride(from: 39, to: 0, by: -1) { expected.swapAt(k, reference.int(below: k + 1)) }

        let size = batch.observationSize
        var sources: [Int] = []
        var sizes: [Int] = []
        for minibatch in batch.minibatches(size: 16, shuffledBy: &generator) {
            sizes.append(minibatch.count)
            for i in 0..<minibatch.count {
                let k = expected[sources.count]
                sources.append(k)
                #expect(Array(minibatch.observations[(i * size)..<((i + 1) * size)])
                    == Array(batch.observations[(k * size)..<((k + 1) * size)]))
                #expect(minibatch.actions[i] == batch.actions[k])
                #expect(minibatch.logProbs[i] == batch.logProbs[k])
                #expect(minibatch.advantageStorage[i] == batch.qEstimates[k] - 0.25)
                #expect(minibatch.criticTargets[i] == batch.criticTargets[k])
                #expect(minibatch.stateValues[i] == batch.stateValues[k])
            }
        }
        #expect(sizes == [16, 16, 8])
        #expect(sources.sorted() == Array(0..<40))
        #expect(sources != Array(0..<40), "shuffled")
        // The shuffle drew exactly what the reference drew, no more.
        #expect(generator.int(below: 1 << 30) == reference.int(below: 1 << 30))
    }
}
