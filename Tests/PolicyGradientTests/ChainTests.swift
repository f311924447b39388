import Testing

@testable import PolicyGradient

@Suite("Chain")
struct ChainTests {
    @Test("shapes, start state and probability rows of the default chain")
    func shapes() throws {
        let mdp = try Chain().mdp()
        #expect(mdp.states == 5 && mdp.actions == 2 && mdp.horizon == 20)
        #expect(mdp.initial == [1, 0, 0, 0, 0])
        #expect(mdp.terminal == [Bool](repeating: false, count: 5))
        #expect(mdp.rewardNoise == 0)
        for s in 0..<5 {
            for a in 0..<2 {
                let row = (0..<5).map { mdp.probability(from: s, action: a, to: $0) }
                #expect(abs(row.reduce(0, +) - 1) <= 1e-15)
                #expect(row.allSatisfy { $0 >= 0 })
            }
        }
    }

    /// length 3, slip 0.2, small 2, large 10, worked by hand:
    /// forward from 0: to 1 w.p. 0.8 (reward 0), slips back to 0 w.p. 0.2 (reward 2) → r = 0.4;
    /// forward at the end (2): stays w.p. 0.8 (reward 10), slips to 0 w.p. 0.2 (reward 2) → r = 8.4;
    /// back from 1: to 0 w.p. 0.8 (reward 2), slips forward to 2 w.p. 0.2 (reward 0) → r = 1.6;
    /// back at the end: to 0 w.p. 0.8 (reward 2), slips to "forward" w.p. 0.2 (stays, 10) → r = 3.6.
    @Test("slip semantics: the other action's move and reward with probability slip, reward in expectation")
    func slipSemantics() throws {
        let mdp = try Chain(length: 3, slip: 0.2, smallReward: 2, largeReward: 10, horizon: 4).mdp()
        func row(_ s: Int, _ a: Int) -> [Double] { (0..<3).map { mdp.probability(from: s, action: a, to: $0) } }
        #expect(row(0, Chain.forward) == [0.2, 0.8, 0])
        #expect(row(1, Chain.forward) == [0.2, 0, 0.8])
        #expect(row(2, Chain.forward) == [0.2, 0, 0.8])
        #expect(row(0, Chain.back) == [0.8, 0.2, 0])
        #expect(row(1, Chain.back) == [0.8, 0, 0.2])
        #expect(row(2, Chain.back) == [0.8, 0, 0.2])
        let expectedRewards: [[Double]] = [[0.4, 1.6], [0.4, 1.6], [8.4, 3.6]]
        for s in 0..<3 {
            for a in 0..<2 { #expect(abs(mdp.reward(s, a) - expectedRewards[s][a]) <= 1e-12) }
        }
        // A one-state chain: both moves stay in 0, so each row is a single 1.
        let single = try Chain(length: 1, slip: 0.3).mdp()
        #expect(single.transitions == [1, 1])
        #expect(abs(single.reward(0, Chain.forward) - (0.7 * 10 + 0.3 * 2)) <= 1e-12)
    }

    /// With slip 0 and γ = 1 the best plan walks forward four steps (reward 0) and then
    /// collects 10 for the remaining 16 steps: 160, against 40 for always going back.
    @Test("optimal objective of the deterministic chain is the walk to the end")
    func optimalWalk() throws {
        let mdp = try Chain(slip: 0).mdp()
        #expect(abs(ExactPolicyGradient.optimalObjective(mdp: mdp, gamma: 1) - 160) <= 1e-9)
        var alwaysBack = [Double](repeating: 0, count: 10)
        for s in 0..<5 { alwaysBack[s * 2 + Chain.back] = 1 }
        #expect(abs(ExactPolicyGradient(mdp: mdp, gamma: 1, policy: alwaysBack).objective - 40) <= 1e-9)
    }

    /// Rewards folded into their mean keep expected returns: simulate the original chain, whose
    /// reward follows the realised (possibly slipped) move, and compare its mean return with the
    /// exact J_H of the tabular chain. 100 000 episodes, seed fixed, within 4 standard errors.
    @Test("expected return equals that of the original chain with realised slip rewards")
    func matchesOriginalChain() throws {
        let chain = Chain(length: 4, slip: 0.2, smallReward: 2, largeReward: 10, horizon: 10)
        let mdp = try chain.mdp()
        let gamma = 0.95
        let pForward = [0.9, 0.7, 0.6, 0.8]  // π(forward | s)
        var policy = [Double](repeating: 0, count: 8)
        for s in 0..<4 { policy[s * 2] = pForward[s]; policy[s * 2 + 1] = 1 - pForward[s] }
        let exact = ExactPolicyGradient(mdp: mdp, gamma: gamma, policy: policy).objective

        var generator = RandomGenerator(seed: 7, stream: .environment)
        let episodes = 100_000
        var sum = 0.0
        var sumSquares = 0.0
        for _ in 0..<episodes {
            var s = 0
            var discountedReturn = 0.0
            var discount = 1.0
            for _ in 0..<chain.horizon {
                var goForward = generator.uniform() < pForward[s]
                if generator.uniform() < chain.slip { goForward.toggle() }
                let reward: Double
                if goForward {
                    reward = s == chain.length - 1 ? chain.largeReward : 0
                    s = min(s + 1, chain.length - 1)
                } else {
                    reward = chain.smallReward
                    s = 0
                }
                discountedReturn += discount * reward
                discount *= gamma
            }
            sum += discountedReturn
            sumSquares += discountedReturn * discountedReturn
        }
        let mean = sum / Double(episodes)
        let standardError = ((sumSquares / Double(episodes) - mean * mean) / Double(episodes - 1)).squareRoot()
        #expect(abs(mean - exact) <= 4 * standardError, "simulated \(mean) ± \(standardError), exact \(exact)")
    }

    @Test("invalid parameters are reported by name")
    func invalid() {
        #expect(throws: TabularSpecError.self) { try Chain(length: 0).mdp() }
        do {
            _ = try Chain(slip: 1.5).mdp()
            Issue.record("slip 1.5 accepted")
        } catch {
            #expect(error.field == "slip")
            #expect(error.message.contains("1.5"))
        }
        #expect(throws: TabularSpecError.self) { try Chain(largeReward: .nan).mdp() }
        #expect(throws: TabularSpecError.self) { try Chain(horizon: 0).mdp() }
        // Length² · 2 transition entries: overflowing Int, and just above the 5·10⁷ cap.
        for length in [4_294_967_296, Int.max, 5_001] {
            do {
                _ = try Chain(length: length).mdp()
                Issue.record("length \(length) accepted")
            } catch {
                #expect(error.field == "length")
                #expect(error.message.contains("50000000"))
            }
        }
    }
}
