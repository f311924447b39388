import Testing

@testable import PolicyGradient

@Suite("TabularSpec")
struct TabularMDPSpecTests {
    /// A three-state, two-action MDP with a terminal state, as written under `environment.params`.
    static let example = TabularSpec(
        states: 3, actions: 2, initial: [1, 0, 0],
        transitions: [
            [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]],
            [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]],
            [[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]],
        ],
        rewards: [[0.0, 0.1], [1.0, 0.0], [0.0, 0.0]],
        rewardNoise: 0, terminal: [2], horizon: 20)

    @Test("a valid description flattens to P[(s·A + a)·S + s'] and r[s·A + a]")
    func flattening() throws {
        let mdp = try Self.example.build()
        #expect(mdp.states == 3 && mdp.actions == 2 && mdp.horizon == 20)
        #expect(mdp.terminal == [false, false, true])
        for s in 0..<3 {
            for a in 0..<2 {
                #expect(mdp.reward(s, a) == Self.example.rewards[s][a])
                for s2 in 0..<3 {
                    #expect(mdp.probability(from: s, action: a, to: s2) == Self.example.transitions[s][a][s2])
                }
            }
        }
        // With H = 20 and γ = 1 the best plan is non-stationary: stay in 0 taking 0.1 for 18
        // steps, move forward (0) at step 18, take 1 from state 1 at step 19: 1.8 + 1 = 2.8.
        #expect(abs(ExactPolicyGradient.optimalObjective(mdp: mdp, gamma: 1) - 2.8) <= 1e-12)
    }

    /// Builds `spec` after `change`, expecting an error; returns it.
    func failure(_ change: (inout TabularSpec) -> Void) -> TabularSpecError? {
        var spec = Self.example
        change(&spec)
        do {
            _ = try spec.build()
            return nil
        } catch {
            return error
        }
    }

    @Test("a row that does not sum to 1 is named with its indices")
    func rowSum() throws {
        let error = try #require(failure { $0.transitions[1][0] = [0.4, 0.5, 0.0] })
        #expect(error == .rowSum(field: "transitions", indices: [1, 0], sum: 0.4 + 0.5))
        #expect(error.message == "transitions[1][0] sums to 0.9, not 1")
        let initial = try #require(failure { $0.initial = [0.5, 0.4, 0] })
        #expect(initial.field == "initial" && initial.indices == [])
    }

    @Test("sums within 1e-9 of 1 are accepted, beyond are rejected")
    func tolerance() {
        #expect(failure { $0.transitions[0][1] = [1 + 5e-10, 0, 0] } == nil)
        #expect(failure { $0.transitions[0][1] = [1 + 5e-9, 0, 0] } != nil)
    }

    @Test("shape, sign, finiteness and terminal errors name the offending entry")
    func otherErrors() throws {
        let count = try #require(failure { $0.rewards[2] = [0] })
        #expect(count.field == "rewards" && count.indices == [2])
        #expect(count.message == "rewards[2] has 1 entries, expected 2 (one reward per action)")

        let rows = try #require(failure { $0.transitions.removeLast() })
        #expect(rows.field == "transitions" && rows.indices == [])

        let actions = try #require(failure { $0.transitions[2] = [[0, 0, 1]] })
        #expect(actions.field == "transitions" && actions.indices == [2])

        let width = try #require(failure { $0.transitions[0][1] = [1, 0] })
        #expect(width.field == "transitions" && width.indices == [0, 1])

        let negative = try #require(failure { $0.transitions[1][1] = [1.5, -0.5, 0] })
        #expect(negative == .negativeProbability(field: "transitions", indices: [1, 1, 1], value: -0.5))

        let nan = try #require(failure { $0.rewards[0][1] = .nan })
        #expect(nan.field == "rewards" && nan.indices == [0, 1])

        let outside = try #require(failure { $0.terminal = [2, 3] })
        #expect(outside == .stateOutOfRange(field: "terminal", indices: [1], value: 3, states: 3))

        let repeated = try #require(failure { $0.terminal = [2, 2] })
        #expect(repeated == .duplicateState(field: "terminal", indices: [1], value: 2))

        let start = try #require(failure { $0.initial = [0.5, 0, 0.5] })
        #expect(start == .initialOnTerminal(state: 2, probability: 0.5))
        #expect(start.message.contains("initial[2]"))

        #expect(failure { $0.rewardNoise = -1 }?.field == "reward_noise")
        #expect(failure { $0.horizon = 0 }?.field == "horizon")
        #expect(failure { $0.states = 0 }?.field == "states")
    }

    /// `states × actions × states` is checked before any list is read or any table allocated:
    /// sizes overflowing Int or above 5·10⁷ entries name `states`; at the cap the size passes
    /// and the next check (the initial distribution's length) reports instead.
    @Test("huge state or action counts are rejected without overflow")
    func sizeGuard() {
        #expect(failure { $0.states = 4_294_967_296 } == .invalidParameter(
            field: "states",
            message: "4294967296 states × 2 actions × 4294967296 states is more than 50000000 transition entries"))
        #expect(failure { $0.actions = .max }?.field == "states")
        #expect(failure { $0.states = .max; $0.actions = .max }?.field == "states")
        #expect(failure { $0.states = 5_001 }?.field == "states")
        #expect(failure { $0.states = 5_000 }?.field == "initial")
    }
}
