/// One step's reward and end-of-episode flags, Gymnasium style.
public struct TimeLimitedStep: Sendable, Equatable {
    public var reward: Double
    /// A terminal state was entered: the value beyond it is zero.
    public var terminated: Bool
    /// The time limit was reached: the episode is cut, the state is not terminal.
    public var truncated: Bool

    @inlinable
    public init(reward: Double, terminated: Bool, truncated: Bool) {
        self.reward = reward
        self.terminated = terminated
        self.truncated = truncated
    }

    /// The episode is over (either flag).
    @inlinable
    public var done: Bool { terminated || truncated }
}
