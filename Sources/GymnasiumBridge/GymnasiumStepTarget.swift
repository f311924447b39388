import PolicyGradient

/// Where `GymnasiumWorkerPool` reads a step's batch to: the trainer's buffers, row-major, with
/// `BatchedEnvironment`'s meaning (observations `numEnvs × observationSize` rounded to Float32,
/// the final observations of copies whose episode ended apart, the episodes that ended in copy
/// order).
package struct GymnasiumStepTarget {
    package var observations: UnsafeMutablePointer<Float>
    package var finalObservations: UnsafeMutablePointer<Float>
    package var rewards: UnsafeMutablePointer<Double>
    package var terminated: UnsafeMutablePointer<Bool>
    package var truncated: UnsafeMutablePointer<Bool>
    package var finishedEpisodes: EnvironmentBuffer<FinishedEpisode>
}
