/// A finite-horizon, finite MDP written out in full: the shared description behind
/// `Chain`, `Bandit`, `RandomMDP` and `Tabular`, and the input of the exact-gradient
/// dynamic programming (docs/architecture.md, "Environments" and "Gradient diagnostics").
///
/// Shapes (row-major, flat):
/// - `initial[s]`, length `states`: the distribution of s₀.
/// - `transitions[(s * actions + a) * states + s']` = P(s' | s, a); each row sums to 1.
/// - `rewards[s * actions + a]` = r(s, a), the mean reward received on acting in s.
/// - `terminal[s]`: entering s ends the episode (no reward is collected from it).
///
/// An episode lasts at most `horizon` steps (H); reaching H is a truncation.
public struct TabularMDP: Sendable, Equatable {
    public let states: Int
    public let actions: Int
    public let initial: [Double]
    public let transitions: [Double]
    public let rewards: [Double]
    /// Standard deviation of the Gaussian noise added to each sampled reward.
    public let rewardNoise: Double
    public let terminal: [Bool]
    public let horizon: Int

    public init(
        states: Int, actions: Int, initial: [Double], transitions: [Double], rewards: [Double],
        rewardNoise: Double = 0, terminal: [Bool], horizon: Int
    ) {
        precondition(states > 0 && actions > 0 && horizon > 0)
        precondition(initial.count == states)
        precondition(transitions.count == states * actions * states)
        precondition(rewards.count == states * actions)
        precondition(terminal.count == states)
        self.states = states
        self.actions = actions
        self.initial = initial
        self.transitions = transitions
        self.rewards = rewards
        self.rewardNoise = rewardNoise
        self.terminal = terminal
        self.horizon = horizon
    }

    /// P(s' | s, a).
    @inlinable
    public func probability(from s: Int, action a: Int, to next: Int) -> Double {
        transitions[(s * actions + a) * states + next]
    }

    /// r(s, a).
    @inlinable
    public func reward(_ s: Int, _ a: Int) -> Double {
        rewards[s * actions + a]
    }
}
