/// A Garnet random MDP (Archibald, McKinnon and Thomas 1995; Bhatnagar et al. 2009) as a `TabularMDP`.
///
/// `states` states, `actions` actions. For each (s, a), in the order s = 0, 1, …, and
/// within s, a = 0, 1, …, the generator draws:
/// 1. `branching` distinct next states, uniformly (a partial Fisher–Yates shuffle of 0..<states);
/// 2. their probabilities, a uniform random partition of 1: `branching − 1` uniform cut
///    points in [0, 1), sorted, c₀ = 0 ≤ c₁ ≤ … ≤ c_{b−1} ≤ c_b = 1, and pᵢ = c_{i+1} − cᵢ
///    given to the i-th chosen state;
/// 3. the mean reward r(s, a), uniform in [0, 1).
///
/// Every draw comes from `RandomGenerator(seed: structureSeed, stream: .structure)`, so
/// the same `structureSeed` always gives the same MDP, independently of the job's seed.
/// Episodes start in state 0 (a fixed choice: any state of a Garnet is as good as
/// another); there are no terminal states, so episodes end at the horizon. Rewards are
/// noiseless.
///
/// Defaults: 10 states, 2 actions, branching 2, horizon 50.
public struct RandomMDP: Sendable, Equatable {
    public var states: Int
    public var actions: Int
    public var branching: Int
    public var structureSeed: UInt64
    public var horizon: Int

    public init(
        states: Int = 10, actions: Int = 2, branching: Int = 2, structureSeed: UInt64 = 0,
        horizon: Int = 50
    ) {
        self.states = states
        self.actions = actions
        self.branching = branching
        self.structureSeed = structureSeed
        self.horizon = horizon
    }

    /// Checks the parameters and draws the MDP.
    public func mdp() throws(TabularSpecError) -> TabularMDP {
        guard states >= 1 else {
            throw .invalidParameter(field: "states", message: "states is \(states), must be at least 1")
        }
        guard actions >= 1 else {
            throw .invalidParameter(field: "actions", message: "actions is \(actions), must be at least 1")
        }
        try TabularSpec.checkSize(states: states, actions: actions, field: "states")
        guard (1...states).contains(branching) else {
            throw .invalidParameter(
                field: "branching", message: "branching is \(branching), must be in 1...states (\(states))")
        }
        guard horizon >= 1 else {
            throw .invalidParameter(
                field: "horizon", message: "horizon (max_episode_steps) is \(horizon), must be at least 1")
        }

        var generator = RandomGenerator(seed: structureSeed, stream: .structure)
        var transitions = [Double](repeating: 0, count: states * actions * states)
        var rewards = [Double](repeating: 0, count: states * actions)
        var order = [Int](repeating: 0, count: states)
        var cuts = [Double](repeating: 0, count: branching + 1)
        for s in 0..<states {
            for a in 0..<actions {
                for i in 0..<states { order[i] = i }
                for i in 0..<branching {
                    order.swapAt(i, i + generator.int(below: states - i))
                }
                cuts[0] = 0
                for i in 1..<branching { cuts[i] = generator.uniform() }
                cuts[branching] = 1
                cuts[1..<branching].sort()
                let row = (s * actions + a) * states
                for i in 0..<branching {
                    transitions[row + order[i]] = cuts[i + 1] - cuts[i]
                }
                rewards[s * actions + a] = generator.uniform()
            }
        }
        var initial = [Double](repeating: 0, count: states)
        initial[0] = 1
        return TabularMDP(
            states: states, actions: actions, initial: initial, transitions: transitions,
            rewards: rewards, rewardNoise: 0, terminal: [Bool](repeating: false, count: states),
            horizon: horizon)
    }
}
