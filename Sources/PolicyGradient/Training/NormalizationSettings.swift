/// How a saved policy's observation statistics are applied (format 2 of `policy.json`):
/// `o ← clip((o − μ) / √(σ² + ε), −clip_observations, clip_observations)` when `observations`,
/// μ and σ² from `SavedPolicy.normalization`. The reward settings and γ complete Stable-Baselines3's
/// `VecNormalize` (they matter to training only).
public struct NormalizationSettings: Codable, Sendable, Equatable {
    public var observations: Bool
    public var rewards: Bool
    public var clipObservations: Double
    public var clipRewards: Double
    public var epsilon: Double
    /// γ of the discounted return whose variance scales the rewards.
    public var gamma: Double

    init(_ settings: Normalization, gamma: Double) {
        observations = settings.observations
        rewards = settings.rewards
        clipObservations = settings.clipObservations
        clipRewards = settings.clipRewards
        epsilon = settings.epsilon
        self.gamma = gamma
    }

    enum CodingKeys: String, CodingKey {
        case observations, rewards, epsilon, gamma
        case clipObservations = "clip_observations"
        case clipRewards = "clip_rewards"
    }
}
