import PolicyGradient
import YAML

/// The `training` section: the budget and the evaluation schedule (the core's `TrainerSettings.Training`).
public typealias TrainingSettings = TrainerSettings.Training

extension TrainerSettings.Training: Codable {
    enum CodingKeys: String, CodingKey {
        case steps
        case evalEvery = "eval_every"
        case evalEpisodes = "eval_episodes"
        case evalPolicy = "eval_policy"
        case checkpointEvery = "checkpoint_every"
        case logEvery = "log_every"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let steps = try c.decode(Int.self, forKey: .steps)
        try c.require(steps >= 1, .steps, "must be at least 1")
        try c.require(
            steps <= Self.maxSteps, .steps, "must be at most 1000000000000 (10^12), the largest budget a job may have")
        self.init(steps: steps)
        evalEvery = try c.value(.evalEvery, default: evalEvery)
        try c.require(evalEvery >= 1, .evalEvery, "must be at least 1")
        evalEpisodes = try c.value(.evalEpisodes, default: evalEpisodes)
        try c.require((1...1_000_000).contains(evalEpisodes), .evalEpisodes, "must be in 1...1000000")
        evalPolicy = try c.value(.evalPolicy, default: evalPolicy)
        checkpointEvery = try c.decodeIfPresent(Int.self, forKey: .checkpointEvery)
        try c.require(checkpointEvery.map { $0 >= 1 } ?? true, .checkpointEvery, "must be at least 1")
        logEvery = try c.value(.logEvery, default: logEvery)
        try c.require(logEvery >= 1, .logEvery, "must be at least 1")
    }

    /// `checkpoint_every` is left out: when a run saves its state does not change its results,
    /// so it is not part of a job's configuration or identity. `log_every` is written only when
    /// it is not 1 (the default), so that spelling the default out keeps a job's id while a
    /// thinner `updates.csv` makes another job.

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(steps, forKey: .steps)
        try c.encode(evalEvery, forKey: .evalEvery)
        try c.encode(evalEpisodes, forKey: .evalEpisodes)
        try c.encode(evalPolicy, forKey: .evalPolicy)
        if logEvery != 1 { try c.encode(logEvery, forKey: .logEvery) }
    }
}
