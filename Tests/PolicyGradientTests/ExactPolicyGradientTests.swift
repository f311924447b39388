import Foundation
import Testing

@testable import PolicyGradient

/// A 3-state, 2-action MDP with a terminal state, stochastic transitions and reward
/// noise, written the way a configuration file would and built through `TabularSpec`.
func terminalTestMDP(horizon: Int = 6) throws -> TabularMDP {
    try TabularSpec(
        states: 3, actions: 2,
        initial: [0.7, 0.3, 0.0],
        transitions: [
            [[0.1, 0.6, 0.3], [0.8, 0.2, 0.0]],
            [[0.0, 0.3, 0.7], [0.5, 0.4, 0.1]],
            [[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]],
        ],
        rewards: [[0.0, 0.5], [1.0, -0.2], [0.0, 0.0]],
        rewardNoise: 0.5, terminal: [2], horizon: horizon
    ).build()
}

/// Logits z[s][a] ~ N(0, 1), flat [states × actions], from a fixed seed.
func randomLogits(count: Int, seed: UInt64) -> [Double] {
    var generator = RandomGenerator(seed: seed, stream: .diagnostics)
    return (0..<count).map { _ in generator.normal() }
}

@Suite("ExactPolicyGradient")
struct ExactPolicyGradientTests {
    /// Two states, two actions, no terminal states, s₀ = 0, H = 2, γ = 0.9:
    ///
    ///     P(·|0,0) = [0.5, 0.5]   P(·|0,1) = [0, 1]     r(0,0) = 1   r(0,1) = 0
    ///     P(·|1,0) = [1, 0]       P(·|1,1) = [0.2, 0.8] r(1,0) = 2   r(1,1) = −1
    ///     π(·|0) = [0.25, 0.75],  π(·|1) = [0.5, 0.5]
    static let handMDP = TabularMDP(
        states: 2, actions: 2, initial: [1, 0],
        transitions: [0.5, 0.5, 0, 1, 1, 0, 0.2, 0.8], rewards: [1, 0, 2, -1],
        terminal: [false, false], horizon: 2)
    static let handPolicy = [0.25, 0.75, 0.5, 0.5]

    @Test("two-state MDP worked by hand, H = 2: objective, gradient, expected estimates to 1e-12")
    func handWorked() {
        let exact = ExactPolicyGradient(mdp: Self.handMDP, gamma: 0.9, policy: Self.handPolicy)
        // Write p = π(0|0), q = π(0|1). Step 0 is in state 0: E[r₀] = p.
        // d₁ = p·[0.5, 0.5] + (1 − p)·[0, 1] = [0.5p, 1 − 0.5p] = [0.125, 0.875].
        // E[r₁] = 0.5p·p + (1 − 0.5p)(2q − (1 − q)) = 0.125·0.25 + 0.875·0.5 = 0.46875.
        // J = p + 0.9·E[r₁] = 0.25 + 0.421875 = 0.671875.
        #expect(abs(exact.objective - 0.671875) <= 1e-12)
        // dJ/dp = 1 + 0.9(p − 0.5(3q − 1)) = 1 + 0.9(0.25 − 0.25) = 1; dp/dz[0][0] = p(1 − p) = 0.1875.
        // dJ/dq = 0.9(1 − 0.5p)·3 = 2.3625;             dq/dz[1][0] = q(1 − q) = 0.25 → 0.590625.
        // Softmax rows: dJ/dz[s][1] = −dJ/dz[s][0].
        let expectedGradient = [0.1875, -0.1875, 0.590625, -0.590625]
        for i in 0..<4 { #expect(abs(exact.gradient[i] - expectedGradient[i]) <= 1e-12) }

        // Per-time terms Aₜ[s][a] = dₜ(s) π(a|s)(Qₜ(s,a) − Vₜ(s)):
        // t = 1: Q₁ = r, V₁ = [0.25, 0.5]; A₁[0][0] = 0.125·0.25·0.75 = 0.0234375,
        //        A₁[1][0] = 0.875·0.5·1.5 = 0.65625.
        // t = 0: Q₀(0,0) = 1 + 0.9(0.5·0.25 + 0.5·0.5) = 1.3375, Q₀(0,1) = 0.9·0.5 = 0.45,
        //        V₀(0) = 0.25·1.3375 + 0.75·0.45 = 0.671875 (= J);
        //        A₀[0][0] = 0.25(1.3375 − 0.671875) = 0.16640625, A₀[1][·] = 0 (d₀(1) = 0).
        // Gradient check: A₀ + 0.9 A₁ → 0.16640625 + 0.02109375 = 0.1875 ✓, 0.9·0.65625 = 0.590625 ✓.
        // Without γᵗ weighting: A₀ + A₁ → [0.18984375, ·, 0.65625, ·].
        // Whole return with γᵗ weighting: A₀ + 0.81 A₁ → [0.185390625, ·, 0.5315625, ·].
        let undiscounted = exact.expectedEstimate(rewardToGo: true, discountWeighting: false)
        let squared = exact.expectedEstimate(rewardToGo: false, discountWeighting: true)
        let expectedUndiscounted = [0.18984375, -0.18984375, 0.65625, -0.65625]
        let expectedSquared = [0.185390625, -0.185390625, 0.5315625, -0.5315625]
        for i in 0..<4 {
            #expect(abs(undiscounted[i] - expectedUndiscounted[i]) <= 1e-12)
            #expect(abs(squared[i] - expectedSquared[i]) <= 1e-12)
        }
        #expect(exact.expectedEstimate(rewardToGo: true, discountWeighting: true) == exact.gradient)
        #expect(exact.expectedEstimate(rewardToGo: false, discountWeighting: false) == exact.gradient)

        // Value iteration: V*₁ = max r = [1, 2]; V*₀(0) = max(1 + 0.9(0.5 + 1), 0 + 0.9·2) = 2.35.
        #expect(abs(ExactPolicyGradient.optimalObjective(mdp: Self.handMDP, gamma: 0.9) - 2.35) <= 1e-12)
    }

    static let finiteDifferenceCases: [(name: String, seed: UInt64, gamma: Double)] = [
        ("RandomMDP seed 1", 1, 0.9), ("RandomMDP seed 2", 2, 0.99), ("RandomMDP seed 3", 3, 1.0),
        ("terminal Tabular", 0, 0.9), ("terminal Tabular", 0, 1.0),
    ]

    /// Central differences (J(z + h eᵢ) − J(z − h eᵢ)) / 2h with h = 1e-6 have truncation error
    /// O(h²) and rounding error about ε|J|/h ≈ 1e-9 here, so a 1e-6 tolerance, absolute or
    /// relative to |∂J/∂zᵢ| whichever is larger, has ample margin.
    @Test("dJ/dz matches central finite differences of J_H (h = 1e-6, tolerance 1e-6 abs/rel)",
          arguments: finiteDifferenceCases)
    func finiteDifferences(testCase: (name: String, seed: UInt64, gamma: Double)) throws {
        let mdp = testCase.name.hasPrefix("RandomMDP")
            ? try RandomMDP(states: 5, actions: 3, branching: 3, structureSeed: testCase.seed, horizon: 7).mdp()
            : try terminalTestMDP(horizon: 8)
        let logits = randomLogits(count: mdp.states * mdp.actions, seed: 100 + testCase.seed)
        let exact = ExactPolicyGradient(mdp: mdp, gamma: testCase.gamma, logits: logits)
        let h = 1e-6
        var shifted = logits
        for i in logits.indices {
            shifted[i] = logits[i] + h
            let plus = ExactPolicyGradient(mdp: mdp, gamma: testCase.gamma, logits: shifted).objective
            shifted[i] = logits[i] - h
            let minus = ExactPolicyGradient(mdp: mdp, gamma: testCase.gamma, logits: shifted).objective
            shifted[i] = logits[i]
            let finiteDifference = (plus - minus) / (2 * h)
            #expect(
                abs(finiteDifference - exact.gradient[i]) <= 1e-6 * max(1, abs(exact.gradient[i])),
                "\(testCase.name) γ=\(testCase.gamma) logit \(i): fd \(finiteDifference) vs \(exact.gradient[i])")
        }
        // The gradient is not trivially zero, so the comparison has teeth.
        #expect(exact.gradient.map { $0 * $0 }.reduce(0, +) > 1e-6)
    }

    /// J_H of a deterministic non-stationary policy, `choice[t][s]`, by forward propagation
    /// of the state distribution: an evaluation independent of the value recursion.
    static func objective(of choice: [[Int]], mdp: TabularMDP, gamma: Double) -> Double {
        var distribution = (0..<mdp.states).map { mdp.terminal[$0] ? 0 : mdp.initial[$0] }
        var total = 0.0
        for t in 0..<mdp.horizon {
            var next = [Double](repeating: 0, count: mdp.states)
            for s in 0..<mdp.states where distribution[s] > 0 {
                let a = choice[t][s]
                total += pow(gamma, Double(t)) * distribution[s] * mdp.reward(s, a)
                for s2 in 0..<mdp.states where !mdp.terminal[s2] {
                    next[s2] += distribution[s] * mdp.probability(from: s, action: a, to: s2)
                }
            }
            distribution = next
        }
        return total
    }

    @Test("optimalObjective equals brute force over all deterministic non-stationary policies",
          arguments: [0, 1, 2])
    func optimalByBruteForce(which: Int) throws {
        let mdp = which == 0
            ? try terminalTestMDP(horizon: 3)
            : try RandomMDP(states: 3, actions: 2, branching: 2, structureSeed: UInt64(10 + which), horizon: 3).mdp()
        let gamma = 0.9
        let decisions = mdp.states * mdp.horizon
        var best = -Double.infinity
        // Every map (t, s) → a, enumerated as a base-A number with states × horizon digits.
        for code in 0..<Int(pow(Double(mdp.actions), Double(decisions))) {
            var rest = code
            var choice = [[Int]](repeating: [Int](repeating: 0, count: mdp.states), count: mdp.horizon)
            for t in 0..<mdp.horizon {
                for s in 0..<mdp.states {
                    choice[t][s] = rest % mdp.actions
                    rest /= mdp.actions
                }
            }
            best = max(best, Self.objective(of: choice, mdp: mdp, gamma: gamma))
        }
        let optimal = ExactPolicyGradient.optimalObjective(mdp: mdp, gamma: gamma)
        #expect(abs(optimal - best) <= 1e-12)

        // No stationary stochastic policy beats it.
        for k in 0..<200 {
            let logits = randomLogits(count: mdp.states * mdp.actions, seed: 1000 + UInt64(k)).map { 3 * $0 }
            let j = ExactPolicyGradient(mdp: mdp, gamma: gamma, logits: logits).objective
            #expect(j <= optimal + 1e-12)
        }
    }

    @Test("stationary deterministic policies evaluate like the independent forward computation")
    func deterministicPolicyObjective() throws {
        let mdp = try terminalTestMDP(horizon: 5)
        for code in 0..<8 {
            let actionOf = (0..<3).map { (code >> $0) & 1 }
            var policy = [Double](repeating: 0, count: 6)
            for s in 0..<3 { policy[s * 2 + actionOf[s]] = 1 }
            let choice = [[Int]](repeating: actionOf, count: mdp.horizon)
            let expected = Self.objective(of: choice, mdp: mdp, gamma: 0.8)
            let exact = ExactPolicyGradient(mdp: mdp, gamma: 0.8, policy: policy)
            #expect(abs(exact.objective - expected) <= 1e-12)
        }
    }

    @Test("with γ = 1 all four expected estimates equal the gradient; with γ < 1 they differ")
    func gammaOneCollapses() throws {
        let mdp = try RandomMDP(states: 4, actions: 2, branching: 2, structureSeed: 5, horizon: 6).mdp()
        let logits = randomLogits(count: 8, seed: 9)
        let undiscounted = ExactPolicyGradient(mdp: mdp, gamma: 1, logits: logits)
        for rewardToGo in [true, false] {
            for weighting in [true, false] {
                let estimate = undiscounted.expectedEstimate(rewardToGo: rewardToGo, discountWeighting: weighting)
                for i in 0..<8 { #expect(abs(estimate[i] - undiscounted.gradient[i]) <= 1e-12) }
            }
        }
        let discounted = ExactPolicyGradient(mdp: mdp, gamma: 0.7, logits: logits)
        let bias = zip(discounted.expectedEstimate(rewardToGo: true, discountWeighting: false), discounted.gradient)
            .map { abs($0 - $1) }.max()!
        #expect(bias > 1e-3)
    }

    @Test("softmax is row-wise, shift-invariant and matches the probability initializer")
    func softmaxRows() throws {
        let logits = [0.0, 1.0, 2.0, 1000.0, 1000.0, 1000.0]
        let p = ExactPolicyGradient.softmax(logits: logits, actions: 3)
        let e = [1.0, exp(1.0), exp(2.0)]
        let total = e.reduce(0, +)
        for a in 0..<3 {
            #expect(abs(p[a] - e[a] / total) <= 1e-15)
            #expect(abs(p[3 + a] - 1.0 / 3) <= 1e-15)
        }
        let mdp = try terminalTestMDP()
        let z = randomLogits(count: 6, seed: 4)
        let fromLogits = ExactPolicyGradient(mdp: mdp, gamma: 0.9, logits: z)
        let fromPolicy = ExactPolicyGradient(
            mdp: mdp, gamma: 0.9, policy: ExactPolicyGradient.softmax(logits: z, actions: 2))
        #expect(fromLogits.objective == fromPolicy.objective)
        #expect(fromLogits.gradient == fromPolicy.gradient)
    }
}
