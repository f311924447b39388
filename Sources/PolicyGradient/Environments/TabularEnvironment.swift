/// Steps any `TabularMDP`: one-hot observations, sampled transitions, noisy rewards.
///
/// From state `s` with action `a`:
///
///     s' ~ P(· | s, a),   reward = r(s, a) + σ·z,   z ~ N(0, 1),   terminated = terminal[s']
///
/// with `σ = rewardNoise`. The next state is drawn first, then the noise; no normal is
/// drawn when `σ = 0`. The start state is drawn from `initial`, and the time limit
/// defaults to the MDP's horizon H. The observation is the one-hot vector of `s`
/// (length `states`). Stepping from a terminal state follows P like any other state.
public struct TabularEnvironment: Environment {
    /// The MDP being stepped.
    public let mdp: TabularMDP
    /// The current state index.
    public private(set) var stateIndex: Int

    public var maxEpisodeSteps: Int

    /// An environment on `mdp`, starting in state 0 until the first `reset`.
    public init(mdp: TabularMDP, maxEpisodeSteps: Int? = nil) {
        self.mdp = mdp
        self.stateIndex = 0
        self.maxEpisodeSteps = maxEpisodeSteps ?? mdp.horizon
    }

    public var observationSize: Int { mdp.states }
    public var actionSpace: ActionSpace { .discrete(mdp.actions) }
    public var defaultMaxEpisodeSteps: Int { mdp.horizon }
    public var state: [Double] { [Double(stateIndex)] }

    /// Sets the state from a one-element vector holding a state index.
    public mutating func setState(_ state: [Double]) throws {
        try validate(state, count: 1)
        let value = state[0]
        guard value == value.rounded(), value >= 0, value < Double(mdp.states) else {
            throw EnvironmentError.invalidState(
                "a tabular state is an integer index in 0..<\(mdp.states), got \(value)")
        }
        stateIndex = Int(value)
    }

    public mutating func reset(using generator: inout RandomGenerator) {
        stateIndex = generator.categorical(mdp.initial)
    }

    public mutating func step(discrete action: Int, using generator: inout RandomGenerator) -> StepOutcome {
        precondition(action >= 0 && action < mdp.actions, "tabular action out of range")
        let states = mdp.states
        let row = (stateIndex * mdp.actions + action) * states
        var reward = mdp.rewards[stateIndex * mdp.actions + action]
        let next = mdp.transitions.withUnsafeBufferPointer { transitions in
            generator.categorical(UnsafeBufferPointer(rebasing: transitions[row..<(row + states)]))
        }
        if mdp.rewardNoise > 0 {
            reward += mdp.rewardNoise * generator.normal()
        }
        stateIndex = next
        return StepOutcome(reward: reward, terminated: mdp.terminal[next])
    }

    public func writeObservation(into buffer: UnsafeMutablePointer<Float>) {
        buffer.update(repeating: 0, count: mdp.states)
        buffer[stateIndex] = 1
    }
}
