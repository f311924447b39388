import PolicyGradient

/// Every copy's state after a `reset` or a `step` of a `GymnasiumWorkerPool`, in copy order,
/// with `VectorEnvironment`'s meaning: a copy whose episode ended has already been reset.
public struct GymnasiumBatch: Sendable, Equatable {
    /// `numEnvs × observationSize`, row-major: each copy's current observation (after an episode
    /// end, the first of the next episode).
    public var observations: [Double]
    /// The last step's rewards (0 after a reset).
    public var rewards: [Double]
    public var terminated: [Bool]
    public var truncated: [Bool]
    /// `numEnvs × observationSize`: the observation an episode ended in, valid only in the rows
    /// of copies whose `terminated` or `truncated` is set.
    public var finalObservations: [Double]
    /// Episodes that ended in the last step, in copy order.
    public var finishedEpisodes: [FinishedEpisode]
}
