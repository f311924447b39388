import Foundation
import Testing
@testable import PolicyGradient

@Suite struct BaselineTests {
    @Test func runningBaselinesFollowTheirFormulas() {
        var b = RunningBaselines()
        #expect(b.mean == 0 && b.optimal == 0)
        let q1: [Float] = [1, 2, 3], q2: [Float] = [10]
        q1.withUnsafeBufferPointer { b.addQEstimates($0) }
        #expect(b.mean == 2)
        q2.withUnsafeBufferPointer { b.addQEstimates($0) }
        #expect(b.mean == 4)  // (1 + 2 + 3 + 10) / 4
        // b* = Σ x·y / Σ |y|²: (1·2 + 3·(−1)) + (4·1) = 3 over (4 + 1) + 1 = 6.
        b.addGradientProducts(x: [1, 3], y: [2, -1], count: 2)
        b.addGradientProducts(x: [4, 0], y: [1, 0], count: 2)
        #expect(b.optimal == 0.5)
    }

    /// The trainer's running baselines: the mean of the first batch's Q-estimates, and
    /// b* = gX·gY / |gY|² with gX = ĝ(b = 0) and gY = ĝ(0) − ĝ(1), read through the public
    /// diagnostics API before the update. Both are 0 before any update (earlier updates only).
    @Test func trainerBaselinesComeFromEarlierUpdates() throws {
        var settings = try chainReinforce(rewardToGo: true, discountWeighting: true, episodes: 2)
        settings.baseline = .optimal
        let session = try #require(try Trainer.makeSession(settings) as? TrainingSession<VectorEnvironment<TabularEnvironment>>)
        guard case .discrete(let policy) = session.policy else { return }
        policy.parameters.parameterArray = [0.3, -0.2, 0.1, 0.4, -0.5, 0.2, 0.0, 0.6]
        #expect(session.resolvedBaseline(.optimal) == .constant(0) && session.resolvedBaseline(.mean) == .constant(0))
        let batch = session.rollout
        _ = session.collect(session.environments, &session.actionGenerator, batch)
        let q = Array(batch.qEstimates)
        let gX = session.policyGradient(batch, baseline: .none)
        let gOne = session.policyGradient(batch, baseline: .constant(1))
        let gY = zip(gX, gOne).map { Double($0 - $1) }
        let xy = zip(gX, gY).map { Double($0) * $1 }.reduce(0, +)
        let yy = gY.map { $0 * $0 }.reduce(0, +)
        #expect(session.update(batch))
        let meanQ = q.map(Double.init).reduce(0, +) / Double(q.count)
        #expect(abs(Double(session.meanBaseline) - meanQ) < 1e-4 * abs(meanQ))
        #expect(abs(Double(session.optimalBaseline) - xy / yy) < 1e-3 * abs(xy / yy))
        #expect(session.optimalBaseline != 0)
    }

    /// On one fixed batch the baseline choice changes ĝ, and the value baseline of a fresh
    /// tabular critic (all zeros) equals no baseline.
    /// The value baseline subtracts V(s_k) from each term: with a non-zero critic table,
    /// ĝ(value) = ĝ(none) − termScale Σ_k w_k V(s_k) ∇_θ log π(a_k|s_k), the right side formed
    /// here in Double from the batch (state = argmax of the one-hot observation), the logits
    /// (∇_z log π(a|s) = e_a − softmax(z_s)) and the table; equal to 1e-5 relative (Float32 rounding).
    @Test func valueBaselineSubtractsTheCriticsTerm() throws {
        var settings = try chainReinforce(rewardToGo: true, discountWeighting: true, episodes: 2)
        settings.baseline = .value
        let state = try Trainer.makeState(settings)
        let logits: [Float] = [0.3, -0.2, 0.1, 0.4, -0.5, 0.2, 0.0, 0.6]
        let table: [Float] = [1.5, -0.7, 2.25, 0.4]
        state.policy.parameters.parameterArray = logits
        let critic = try #require(state.critic)
        critic.parameters.parameterArray = table
        let envs = state.makeBatchEnvironments(seed: 0, stream: .diagnostics)
        var actions = RandomGenerator(seed: 0, stream: .diagnostics, index: 1 << 32)
        let batch = state.makeRollout()
        state.collectBatch(from: envs, actionGenerator: &actions, into: batch)
        let none = state.policyGradient(batch, baseline: .none)
        let constant = state.policyGradient(batch, baseline: .constant(3))
        let value = state.policyGradient(batch, baseline: .value)
        #expect(none.count == 8 && none.allSatisfy(\.isFinite))
        #expect(constant != none)

        let states = 4, actionCount = 2
        var expected = none.map(Double.init)
        for k in 0..<batch.count {
            let row = Array(batch.observations[(k * states)..<((k + 1) * states)])
            let s = row.firstIndex(of: 1)!
            let z = (0..<actionCount).map { Double(logits[s * actionCount + $0]) }
            let normalizer = z.map { exp($0) }.reduce(0, +)
            let term = Double(batch.termScale) * Double(batch.termWeights[k]) * Double(table[s])
            for a in 0..<actionCount {
                let score = (a == batch.actions[k] ? 1 : 0) - exp(z[a]) / normalizer
                expected[s * actionCount + a] -= term * score
            }
        }
        #expect(Set(batch.observations.indices.filter { batch.observations[$0] == 1 }.map { $0 % states }).count >= 2,
                "the batch visits several states")
        for j in 0..<8 {
            #expect(abs(Double(value[j]) - expected[j]) <= 1e-5 * max(1, abs(expected[j])),
                    "component \(j): \(value[j]) vs \(expected[j])")
        }
        #expect(value != none)
    }
}
