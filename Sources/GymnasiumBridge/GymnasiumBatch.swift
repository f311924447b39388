import PolicyGradient

/// Every copy's state after a `reset` or a `step` of a `GymnasiumWorkerPool`, in copy order,
/// with `VectorEnvironment`'s meaning: a copy whose episode ended has already been reset.
package struct GymnasiumBatch: Sendable, Equatable {
    /// `numEnvs × observationSize`, row-major: each copy's current observation (after an episode
    /// end, the first of the next episode).
    package var observations: [Double]
    /// The last step's rewards (0 after a reset).
    package var rewards: [Double]
    package var terminated: [Bool]
    package var truncated: [Bool]
    /// `numEnvs × observationSize`: the observation an episode ended in, valid only in the rows
    /// of copies whose `terminated` or `truncated` is set.
    package var finalObservations: [Double]
    /// Episodes that ended in the last step, in copy order.
    package var finishedEpisodes: [FinishedEpisode]
}
