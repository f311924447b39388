import Foundation
import Testing

@testable import PolicyGradient

/// Samples episodes of a `TabularMDP` under a fixed stochastic policy and evaluates the
/// REINFORCE estimators on them, written independently of `ExactPolicyGradient`.
private struct EpisodeSampler {
    let mdp: TabularMDP
    let policy: [Double]
    var statesVisited: [Int]
    var actionsTaken: [Int]
    var rewardsReceived: [Double]
    var returnsToGo: [Double]

    init(mdp: TabularMDP, policy: [Double]) {
        self.mdp = mdp
        self.policy = policy
        statesVisited = [Int](repeating: 0, count: mdp.horizon)
        actionsTaken = [Int](repeating: 0, count: mdp.horizon)
        rewardsReceived = [Double](repeating: 0, count: mdp.horizon)
        returnsToGo = [Double](repeating: 0, count: mdp.horizon)
    }

    /// An index i in 0..<count drawn with probability `weights[start + i]` (inverse CDF); zero weights are never drawn.
    static func draw(_ weights: [Double], from start: Int, count: Int, _ generator: inout RandomGenerator) -> Int {
        let u = generator.uniform()
        var cumulative = 0.0
        var last = 0
        for i in 0..<count where weights[start + i] > 0 {
            cumulative += weights[start + i]
            last = i
            if u < cumulative { return i }
        }
        return last  // rounding left the sum just short of u
    }

    /// Plays one episode; returns its length T (steps t = 0..<T were taken).
    mutating func play(_ generator: inout RandomGenerator) -> Int {
        let S = mdp.states
        let A = mdp.actions
        var s = Self.draw(mdp.initial, from: 0, count: S, &generator)
        if mdp.terminal[s] { return 0 }
        var length = 0
        for t in 0..<mdp.horizon {
            let a = Self.draw(policy, from: s * A, count: A, &generator)
            statesVisited[t] = s
            actionsTaken[t] = a
            rewardsReceived[t] = mdp.reward(s, a) + mdp.rewardNoise * generator.normal()
            let row = (s * A + a) * S
            s = Self.draw(mdp.transitions, from: row, count: S, &generator)
            length = t + 1
            if mdp.terminal[s] { break }
        }
        return length
    }

    /// Writes the estimates Σₜ wₜ ∇_z log π(aₜ|sₜ) (Gₜ or G₀ − B(sₜ)), wₜ = γᵗ or 1, of every
    /// variant into `estimates`, flat [4 variants × baselines × states × actions]; the variant
    /// index is 2·(reward to go ? 0 : 1) + (γᵗ weighting ? 0 : 1).
    ///
    /// ∂ log π(aₜ|sₜ) / ∂z[s][b] = 1[s = sₜ] (1[b = aₜ] − π(b|sₜ)).
    mutating func estimates(length: Int, gamma: Double, baselines: [[Double]], into estimates: inout [Double]) {
        let A = mdp.actions
        let P = mdp.states * A
        for i in estimates.indices { estimates[i] = 0 }
        var G = 0.0
        for t in stride(from: length - 1, through: 0, by: -1) {
            G = rewardsReceived[t] + gamma * G
            returnsToGo[t] = G
        }
        var weight = 1.0
        for t in 0..<length {
            let s = statesVisited[t]
            for v in 0..<4 {
                let rewardToGo = v < 2
                let w = v % 2 == 0 ? weight : 1
                for (k, baseline) in baselines.enumerated() {
                    let target = w * ((rewardToGo ? returnsToGo[t] : returnsToGo[0]) - baseline[s])
                    let offset = (v * baselines.count + k) * P + s * A
                    for b in 0..<A {
                        let score = (b == actionsTaken[t] ? 1.0 : 0.0) - policy[s * A + b]
                        estimates[offset + b] += score * target
                    }
                }
            }
            weight *= gamma
        }
    }
}

@Suite("ExactPolicyGradient expected estimates against Monte Carlo")
struct ExactEstimateMonteCarloTests {
    static let cases: [(name: String, gamma: Double)] = [("terminal Tabular", 0.8), ("RandomMDP", 0.7)]

    /// 200 000 episodes per MDP (3 states, 2 actions). Each of the 4 estimators × 2 baselines
    /// × 6 logits must land within 4 standard errors of its predicted expectation; with the
    /// fixed seed the outcome is deterministic, and at 4σ a correct formula would fail any one
    /// comparison with probability 6e-5. The biased variants must also be told apart from
    /// ∇J_H (some component more than 8 standard errors away), so the test can detect the bias
    /// it predicts.
    @Test("expectedEstimate matches the Monte Carlo mean of the four REINFORCE variants within 4 SE",
          arguments: cases)
    func monteCarlo(testCase: (name: String, gamma: Double)) throws {
        let mdp = testCase.name == "RandomMDP"
            ? try RandomMDP(states: 3, actions: 2, branching: 2, structureSeed: 21, horizon: 5).mdp()
            : try terminalTestMDP(horizon: 6)
        let gamma = testCase.gamma
        let logits = [0.3, -0.4, -0.8, 0.5, 0.1, 0.0]
        let exact = ExactPolicyGradient(mdp: mdp, gamma: gamma, logits: logits)
        let policy = exact.policy
        let P = mdp.states * mdp.actions

        let variants: [(rewardToGo: Bool, weighting: Bool)] = [(true, true), (true, false), (false, true), (false, false)]
        let baselines: [[Double]] = [[0, 0, 0], [1.0, -0.5, 2.0]]
        let episodes = 200_000
        let B = baselines.count
        var sums = [Double](repeating: 0, count: 4 * B * P)
        var squares = sums
        var estimates = sums
        var sampler = EpisodeSampler(mdp: mdp, policy: policy)
        var generator = RandomGenerator(seed: 2024, stream: .diagnostics)
        for _ in 0..<episodes {
            let length = sampler.play(&generator)
            sampler.estimates(length: length, gamma: gamma, baselines: baselines, into: &estimates)
            for i in estimates.indices {
                sums[i] += estimates[i]
                squares[i] += estimates[i] * estimates[i]
            }
        }

        for (v, variant) in variants.enumerated() {
            let predicted = exact.expectedEstimate(rewardToGo: variant.rewardToGo, discountWeighting: variant.weighting)
            for b in 0..<baselines.count {
                let k = (v * B + b) * P
                var largestBiasZ = 0.0
                for i in 0..<P {
                    let mean = sums[k + i] / Double(episodes)
                    let variance = (squares[k + i] / Double(episodes) - mean * mean) * Double(episodes) / Double(episodes - 1)
                    let standardError = (max(variance, 0) / Double(episodes)).squareRoot()
                    #expect(
                        abs(mean - predicted[i]) <= 4 * standardError + 1e-12,
                        "\(testCase.name) rtg=\(variant.rewardToGo) γᵗ=\(variant.weighting) baseline \(b) logit \(i): MC \(mean) ± \(standardError), predicted \(predicted[i])")
                    if standardError > 0 {
                        largestBiasZ = max(largestBiasZ, abs(mean - exact.gradient[i]) / standardError)
                    }
                }
                if variant.rewardToGo != variant.weighting {
                    #expect(largestBiasZ > 8, "\(testCase.name) variant \(variant): bias not detectable (z = \(largestBiasZ))")
                }
            }
        }
    }
}
