import YAML

/// The `estimator` section: what stands in for Q^π(s_t, a_t) in the policy gradient.
public struct EstimatorSettings: Codable, Sendable, Equatable {
    public enum Name: String, YAMLEnum {
        case reinforce
        case actorCritic = "actor_critic"
        case a2c, gae, ppo

        /// Whether the estimator bootstraps from a learned critic (and so needs one).
        public var needsCritic: Bool { self != .reinforce }
    }

    public var name: Name
    /// Discount γ in (0, 1].
    public var gamma: Double
    /// Rollout length per environment per update (every estimator but reinforce).
    public var nSteps: Int
    /// GAE λ in [0, 1] (gae, ppo).
    public var gaeLambda: Double
    /// Episodes per update (reinforce).
    public var episodesPerUpdate: Int
    /// G_t from t on (true) or the whole return G_0 (false) (reinforce).
    public var rewardToGo: Bool
    /// Multiply term t by γ^t, as the policy gradient theorem states (reinforce).
    public var discountWeighting: Bool
    public var normalizeAdvantage: Bool
    /// On a time-limit truncation, bootstrap with V(s_T).
    public var bootstrapTruncated: Bool
    /// PPO: passes over each batch.
    public var epochs: Int
    /// PPO: minibatches per pass.
    public var minibatches: Int
    /// PPO: the clipping range ε of the surrogate objective.
    public var clip: Double

    enum CodingKeys: String, CodingKey {
        case name, gamma
        case nSteps = "n_steps"
        case gaeLambda = "lambda"
        case episodesPerUpdate = "episodes_per_update"
        case rewardToGo = "reward_to_go"
        case discountWeighting = "discount_weighting"
        case normalizeAdvantage = "normalize_advantage"
        case bootstrapTruncated = "bootstrap_truncated"
        case epochs, minibatches, clip
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(Name.self, forKey: .name)
        gamma = try c.value(.gamma, default: 0.99)
        try c.require(gamma > 0 && gamma <= 1, .gamma, "must be in (0, 1]")
        nSteps = try c.value(.nSteps, default: name == .ppo ? 128 : 5)
        try c.require(nSteps >= 1, .nSteps, "must be at least 1")
        gaeLambda = try c.value(.gaeLambda, default: 0.95)
        try c.require(gaeLambda >= 0 && gaeLambda <= 1, .gaeLambda, "must be in [0, 1]")
        episodesPerUpdate = try c.value(.episodesPerUpdate, default: 1)
        try c.require(episodesPerUpdate >= 1, .episodesPerUpdate, "must be at least 1")
        rewardToGo = try c.value(.rewardToGo, default: true)
        discountWeighting = try c.value(.discountWeighting, default: false)
        normalizeAdvantage = try c.value(.normalizeAdvantage, default: name == .ppo)
        bootstrapTruncated = try c.value(.bootstrapTruncated, default: true)
        epochs = try c.value(.epochs, default: 4)
        try c.require(epochs >= 1, .epochs, "must be at least 1")
        minibatches = try c.value(.minibatches, default: 4)
        try c.require(minibatches >= 1, .minibatches, "must be at least 1")
        clip = try c.value(.clip, default: 0.2)
        try c.require(clip > 0, .clip, "must be > 0")
    }
}
