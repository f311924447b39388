/// The n-chain of Strens (2000), a classic exploration problem, as a `TabularMDP`.
///
/// States 0..<length; every episode starts in state 0; no state is terminal, so
/// episodes end only at the horizon H. Two actions:
/// - action 0, "forward": s → min(s + 1, length − 1); at the last state it stays
///   there and pays `largeReward`, elsewhere it pays 0;
/// - action 1, "back": s → 0, paying `smallReward`.
///
/// With probability `slip` the other action's effect happens instead (its move and its
/// reward). A `TabularMDP` reward depends on (s, a) only, so the reward is the mean over
/// the slip, with fwd(s) = min(s + 1, length − 1) and L = [s = length − 1]:
///
///     P(· | s, 0) = (1 − slip) δ_fwd(s) + slip δ_0,   r(s, 0) = (1 − slip) L · large + slip · small
///     P(· | s, 1) = (1 − slip) δ_0 + slip δ_fwd(s),   r(s, 1) = (1 − slip) · small + slip · L · large
///
/// The realised reward of a step is this mean r(s, a) plus the reward noise (here
/// 0), drawn independently of the realised move. Expected returns, and hence every
/// policy gradient, are the same as in the original chain, and the exact dynamic
/// programming of `ExactPolicyGradient` stays exact.
///
/// Defaults: length 5, slip 0.2, small reward 2, large reward 10, horizon 20 (Strens
/// uses slip 0.2 with rewards 2 and 10; the greedy "back" loop earns about 2 per step
/// while walking to the end earns about 10 per step after the walk).
public struct Chain: Sendable, Equatable {
    public var length: Int
    public var slip: Double
    public var smallReward: Double
    public var largeReward: Double
    public var horizon: Int

    public static let forward = 0
    public static let back = 1

    public init(
        length: Int = 5, slip: Double = 0.2, smallReward: Double = 2, largeReward: Double = 10,
        horizon: Int = 20
    ) {
        self.length = length
        self.slip = slip
        self.smallReward = smallReward
        self.largeReward = largeReward
        self.horizon = horizon
    }

    /// Checks the parameters and writes the chain out as a `TabularMDP` (2 actions).
    public func mdp() throws(TabularSpecError) -> TabularMDP {
        guard length >= 1 else {
            throw .invalidParameter(field: "length", message: "length is \(length), must be at least 1")
        }
        try TabularSpec.checkSize(states: length, actions: 2, field: "length")
        guard slip.isFinite && (0...1).contains(slip) else {
            throw .invalidParameter(field: "slip", message: "slip is \(slip), must be in [0, 1]")
        }
        guard smallReward.isFinite else {
            throw .invalidParameter(field: "small_reward", message: "small_reward is \(smallReward), not finite")
        }
        guard largeReward.isFinite else {
            throw .invalidParameter(field: "large_reward", message: "large_reward is \(largeReward), not finite")
        }
        guard horizon >= 1 else {
            throw .invalidParameter(
                field: "horizon", message: "horizon (max_episode_steps) is \(horizon), must be at least 1")
        }

        let states = length
        let actions = 2
        var transitions = [Double](repeating: 0, count: states * actions * states)
        var rewards = [Double](repeating: 0, count: states * actions)
        for s in 0..<states {
            let ahead = min(s + 1, states - 1)
            let endReward = s == states - 1 ? largeReward : 0
            let forwardRow = (s * actions + Self.forward) * states
            transitions[forwardRow + ahead] += 1 - slip
            transitions[forwardRow + 0] += slip
            rewards[s * actions + Self.forward] = (1 - slip) * endReward + slip * smallReward
            let backRow = (s * actions + Self.back) * states
            transitions[backRow + 0] += 1 - slip
            transitions[backRow + ahead] += slip
            rewards[s * actions + Self.back] = (1 - slip) * smallReward + slip * endReward
        }
        var initial = [Double](repeating: 0, count: states)
        initial[0] = 1
        return TabularMDP(
            states: states, actions: actions, initial: initial, transitions: transitions,
            rewards: rewards, rewardNoise: 0, terminal: [Bool](repeating: false, count: states),
            horizon: horizon)
    }
}
