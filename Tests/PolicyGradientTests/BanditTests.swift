import Foundation
import Testing

@testable import PolicyGradient

@Suite("Bandit")
struct BanditTests {
    @Test("a decision state, a terminal state, one step, rewards = means, noise = std")
    func shape() throws {
        let mdp = try Bandit(means: [0.1, -0.5, 2.0], std: 0.3).mdp()
        #expect(mdp.states == 2 && mdp.actions == 3 && mdp.horizon == 1)
        #expect(mdp.initial == [1, 0])
        #expect(mdp.terminal == [false, true])
        #expect(mdp.rewardNoise == 0.3)
        for a in 0..<3 {
            #expect(mdp.reward(0, a) == [0.1, -0.5, 2.0][a])
            for s in 0..<2 {
                #expect(mdp.probability(from: s, action: a, to: 1) == 1)
                #expect(mdp.probability(from: s, action: a, to: 0) == 0)
            }
        }
    }

    /// J = Σₐ π(a) μₐ and ∂J/∂zₐ = π(a)(μₐ − Σ_b π(b) μ_b), the softmax bandit gradient in closed
    /// form; the discount is irrelevant in a one-step episode. The best arm is worth max μ.
    @Test("exact objective and gradient equal the closed-form softmax bandit expressions")
    func closedForm() throws {
        let means = [0.1, -0.5, 2.0, 1.2]
        let mdp = try Bandit(means: means).mdp()
        let logits = [0.2, 1.0, -0.3, 0.4, 0, 0, 0, 0]
        let exact = ExactPolicyGradient(mdp: mdp, gamma: 0.9, logits: logits)
        let weights = logits[0..<4].map { exp($0) }
        let pi = weights.map { $0 / weights.reduce(0, +) }
        let value = zip(pi, means).map { $0 * $1 }.reduce(0, +)
        #expect(abs(exact.objective - value) <= 1e-12)
        for a in 0..<4 {
            #expect(abs(exact.gradient[a] - pi[a] * (means[a] - value)) <= 1e-12)
            #expect(exact.gradient[4 + a] == 0)  // the terminal state is never visited
        }
        #expect(ExactPolicyGradient.optimalObjective(mdp: mdp, gamma: 0.9) == 2.0)
    }

    @Test("invalid parameters are reported by name")
    func invalid() {
        do {
            _ = try Bandit(means: []).mdp()
            Issue.record("empty means accepted")
        } catch {
            #expect(error.field == "means")
        }
        do {
            _ = try Bandit(means: [0, .infinity]).mdp()
            Issue.record("infinite mean accepted")
        } catch {
            #expect(error.field == "means" && error.indices == [1])
        }
        #expect(throws: TabularSpecError.self) { try Bandit(means: [0], std: -1).mdp() }
    }
}
