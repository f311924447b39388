/// `environment.normalize`: Stable-Baselines3's `VecNormalize` settings.
///
/// Observations are standardized by their running mean and variance and clipped to
/// ±`clipObservations`; rewards are divided by the running standard deviation of the
/// discounted return (γ the estimator's) and clipped to ±`clipRewards`; ε guards both roots.
public struct Normalization: Sendable, Equatable {
    /// Standardize observations (SB3's `norm_obs`).
    public var observations: Bool
    /// Scale rewards (SB3's `norm_reward`).
    public var rewards: Bool
    /// SB3's `clip_obs`.
    public var clipObservations: Double
    /// SB3's `clip_reward`.
    public var clipRewards: Double
    /// SB3's `epsilon`, added to the variances under the square roots.
    public var epsilon: Double

    public init(
        observations: Bool = true, rewards: Bool = true, clipObservations: Double = 10, clipRewards: Double = 10,
        epsilon: Double = 1e-8
    ) {
        self.observations = observations
        self.rewards = rewards
        self.clipObservations = clipObservations
        self.clipRewards = clipRewards
        self.epsilon = epsilon
    }
}

/// What a normalizer has learned: the observation and return statistics and each copy's
/// running discounted return. Part of `TrainingSnapshot`.
public struct NormalizationState: Codable, Sendable, Equatable {
    /// Running mean and variance of the observations, per component.
    public var observations: RunningMeanStd
    /// Running variance of the discounted returns.
    public var returns: RunningMeanStd
    /// Each training copy's discounted return so far, reset when its episode ends.
    public var discountedReturns: [Double]

    public init(observationSize: Int, numEnvs: Int) {
        observations = RunningMeanStd(size: observationSize)
        returns = RunningMeanStd(size: 1)
        discountedReturns = Array(repeating: 0, count: numEnvs)
    }
}
