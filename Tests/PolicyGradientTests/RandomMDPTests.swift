import Testing

@testable import PolicyGradient

@Suite("RandomMDP")
struct RandomMDPTests {
    @Test("shapes, start in state 0, no terminal states, rows sum to 1, rewards in [0, 1)")
    func shapes() throws {
        let mdp = try RandomMDP(states: 7, actions: 3, branching: 4, structureSeed: 42, horizon: 9).mdp()
        #expect(mdp.states == 7 && mdp.actions == 3 && mdp.horizon == 9)
        #expect(mdp.initial == [1, 0, 0, 0, 0, 0, 0])
        #expect(mdp.terminal == [Bool](repeating: false, count: 7))
        #expect(mdp.rewards.allSatisfy { (0..<1).contains($0) })
        for s in 0..<7 {
            for a in 0..<3 {
                let row = (0..<7).map { mdp.probability(from: s, action: a, to: $0) }
                #expect(abs(row.reduce(0, +) - 1) <= 1e-12)
                #expect(row.allSatisfy { $0 >= 0 })
            }
        }
    }

    @Test("each (s, a) reaches exactly `branching` distinct next states", arguments: [1, 2, 5, 6])
    func branchingCount(branching: Int) throws {
        let mdp = try RandomMDP(states: 6, actions: 2, branching: branching, structureSeed: 3).mdp()
        for s in 0..<6 {
            for a in 0..<2 {
                let reached = (0..<6).filter { mdp.probability(from: s, action: a, to: $0) > 0 }
                #expect(reached.count == branching)
            }
        }
    }

    @Test("same structure seed gives the same MDP, a different seed a different one")
    func determinism() throws {
        let a = try RandomMDP(states: 8, actions: 2, branching: 3, structureSeed: 11).mdp()
        let b = try RandomMDP(states: 8, actions: 2, branching: 3, structureSeed: 11).mdp()
        let c = try RandomMDP(states: 8, actions: 2, branching: 3, structureSeed: 12).mdp()
        #expect(a == b)
        #expect(a.transitions != c.transitions)
        #expect(a.rewards != c.rewards)
    }

    /// The draws are uniform: over 50 × 4 = 200 rewards, the mean of U[0, 1) has standard
    /// error sqrt(1/12 / 200) ≈ 0.020; and the 200 × 3 chosen next states should spread over
    /// all 50 states with each count near 12 (a crude check that no state is favoured:
    /// binomial(600, 1/50) exceeds 30 with probability below 1e-5).
    @Test("rewards and next states are spread uniformly (4 standard errors)")
    func uniformity() throws {
        let mdp = try RandomMDP(states: 50, actions: 4, branching: 3, structureSeed: 99).mdp()
        let meanReward = mdp.rewards.reduce(0, +) / 200
        #expect(abs(meanReward - 0.5) <= 4 * (1.0 / 12 / 200).squareRoot())
        var hits = [Int](repeating: 0, count: 50)
        for (i, p) in mdp.transitions.enumerated() where p > 0 { hits[i % 50] += 1 }
        #expect(hits.reduce(0, +) == 600)
        #expect(hits.max()! <= 30)
    }

    @Test("invalid parameters are reported by name")
    func invalid() {
        for (parameters, field) in [
            (RandomMDP(states: 0), "states"), (RandomMDP(actions: 0), "actions"),
            (RandomMDP(states: 4, branching: 5), "branching"), (RandomMDP(branching: 0), "branching"),
            (RandomMDP(horizon: 0), "horizon"),
            // 2³² states: S·A·S overflows Int; A = Int.max overflows S·A; 5,001² · 2 > 5·10⁷.
            (RandomMDP(states: 4_294_967_296), "states"), (RandomMDP(states: 3, actions: .max), "states"),
            (RandomMDP(states: 5_001, actions: 2), "states"),
        ] {
            do {
                _ = try parameters.mdp()
                Issue.record("\(parameters) accepted")
            } catch {
                #expect(error.field == field)
            }
        }
    }
}
