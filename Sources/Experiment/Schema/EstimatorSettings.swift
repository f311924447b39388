import PolicyGradient
import YAML

/// The `estimator` section: what stands in for Q^π(s_t, a_t) (the core's `TrainerSettings.Estimator`).
///
/// Defaults are the core's, given by the named estimator (`n_steps` 128 for ppo and 5 otherwise,
/// `normalize_advantage` on for ppo only); the file overrides them key by key, each checked for range.
public typealias EstimatorSettings = TrainerSettings.Estimator

extension TrainerSettings.Estimator: Codable {
    /// In the order the section is written (and its ignored keys are reported).
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, gamma
        case nSteps = "n_steps"
        case gaeLambda = "lambda"
        case episodesPerUpdate = "episodes_per_update"
        case rewardToGo = "reward_to_go"
        case discountWeighting = "discount_weighting"
        case normalizeAdvantage = "normalize_advantage"
        case bootstrapTruncated = "bootstrap_truncated"
        case epochs, minibatches, clip
        case clipSchedule = "clip_schedule"
        case clipValue = "clip_value"
        case targetKL = "target_kl"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(TrainerSettings.EstimatorName.self, forKey: .name))
        gamma = try c.value(.gamma, default: gamma)
        try c.require(gamma > 0 && gamma <= 1, .gamma, "must be in (0, 1]")
        nSteps = try c.value(.nSteps, default: nSteps)
        try c.require((1...1_000_000).contains(nSteps), .nSteps, "must be in 1...1000000")
        gaeLambda = try c.value(.gaeLambda, default: gaeLambda)
        try c.require(gaeLambda >= 0 && gaeLambda <= 1, .gaeLambda, "must be in [0, 1]")
        episodesPerUpdate = try c.value(.episodesPerUpdate, default: episodesPerUpdate)
        try c.require((1...1_000_000).contains(episodesPerUpdate), .episodesPerUpdate, "must be in 1...1000000")
        rewardToGo = try c.value(.rewardToGo, default: rewardToGo)
        discountWeighting = try c.value(.discountWeighting, default: discountWeighting)
        normalizeAdvantage = try c.value(.normalizeAdvantage, default: normalizeAdvantage)
        bootstrapTruncated = try c.value(.bootstrapTruncated, default: bootstrapTruncated)
        epochs = try c.value(.epochs, default: epochs)
        try c.require(epochs >= 1, .epochs, "must be at least 1")
        minibatches = try c.value(.minibatches, default: minibatches)
        try c.require(minibatches >= 1, .minibatches, "must be at least 1")
        clip = try c.value(.clip, default: clip)
        try c.require(clip > 0 && clip.isFinite, .clip, "must be a finite number > 0")
        clipSchedule = try c.value(.clipSchedule, default: clipSchedule)
        clipValue = try c.decodeIfPresent(Double.self, forKey: .clipValue)
        try c.require(clipValue.map { $0 > 0 && $0.isFinite } ?? true, .clipValue, "must be a finite number > 0 or null")
        targetKL = try c.decodeIfPresent(Double.self, forKey: .targetKL)
        try c.require(targetKL.map { $0 > 0 && $0.isFinite } ?? true, .targetKL, "must be a finite number > 0 or null")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(gamma, forKey: .gamma)
        try c.encode(nSteps, forKey: .nSteps)
        try c.encode(gaeLambda, forKey: .gaeLambda)
        try c.encode(episodesPerUpdate, forKey: .episodesPerUpdate)
        try c.encode(rewardToGo, forKey: .rewardToGo)
        try c.encode(discountWeighting, forKey: .discountWeighting)
        try c.encode(normalizeAdvantage, forKey: .normalizeAdvantage)
        try c.encode(bootstrapTruncated, forKey: .bootstrapTruncated)
        try c.encode(epochs, forKey: .epochs)
        try c.encode(minibatches, forKey: .minibatches)
        try c.encode(clip, forKey: .clip)
        // Written only when set, so that jobs leaving them at their defaults keep their ids.
        if clipSchedule != .constant { try c.encode(clipSchedule, forKey: .clipSchedule) }
        try c.encodeIfPresent(clipValue, forKey: .clipValue)
        try c.encodeIfPresent(targetKL, forKey: .targetKL)
    }
}
