/// The result of one environment step before any time limit is applied.
public struct StepOutcome: Sendable, Equatable {
    /// The reward of the transition.
    public var reward: Double
    /// Whether the new state is terminal (no bootstrapping past it).
    public var terminated: Bool

    @inlinable
    public init(reward: Double, terminated: Bool) {
        self.reward = reward
        self.terminated = terminated
    }
}
