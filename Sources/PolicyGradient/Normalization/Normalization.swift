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
