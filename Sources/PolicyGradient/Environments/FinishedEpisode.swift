/// An episode that ended during a `VectorEnvironment.step`.
public struct FinishedEpisode: Sendable, Equatable {
    /// Index of the copy it ran in.
    public var copy: Int
    /// Undiscounted sum of its rewards.
    public var episodeReturn: Double
    /// Number of steps it lasted.
    public var length: Int
    /// Whether it ended in a terminal state (otherwise it was truncated).
    public var terminated: Bool

    public init(copy: Int, episodeReturn: Double, length: Int, terminated: Bool) {
        self.copy = copy
        self.episodeReturn = episodeReturn
        self.length = length
        self.terminated = terminated
    }
}
