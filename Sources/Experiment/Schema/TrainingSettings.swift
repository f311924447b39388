import YAML

/// The `training` section: the budget and the evaluation schedule.
public struct TrainingSettings: Codable, Sendable, Equatable {
    public enum EvalPolicy: String, YAMLEnum {
        /// Actions sampled from π.
        case sample
        /// The most probable action (the mean, for a Gaussian policy).
        case greedy
    }

    /// Total environment steps, all copies together.
    public var steps: Int
    /// Environment steps between evaluations.
    public var evalEvery: Int
    public var evalEpisodes: Int
    public var evalPolicy: EvalPolicy

    enum CodingKeys: String, CodingKey {
        case steps
        case evalEvery = "eval_every"
        case evalEpisodes = "eval_episodes"
        case evalPolicy = "eval_policy"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        steps = try c.decode(Int.self, forKey: .steps)
        try c.require(steps >= 1, .steps, "must be at least 1")
        evalEvery = try c.value(.evalEvery, default: max(1, steps / 20))
        try c.require(evalEvery >= 1, .evalEvery, "must be at least 1")
        evalEpisodes = try c.value(.evalEpisodes, default: 10)
        try c.require(evalEpisodes >= 1, .evalEpisodes, "must be at least 1")
        evalPolicy = try c.value(.evalPolicy, default: .sample)
    }
}
