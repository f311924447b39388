import PolicyGradient
import YAML

/// The `environment` section: which environment, how many copies, and its parameters.
public struct EnvironmentSettings: Codable, Sendable, Equatable {
    /// A registry id (docs/architecture.md, "Environments").
    public var id: EnvironmentID
    /// Copies stepped in lockstep.
    public var numEnvs: Int
    /// The episode time limit H; the registry's default unless overridden.
    public var maxEpisodeSteps: Int
    /// Environment-specific parameters.
    public var params: EnvironmentParams
    /// Observation and reward normalization; nil: none.
    public var normalize: NormalizationSettings?

    enum CodingKeys: String, CodingKey {
        case id
        case numEnvs = "num_envs"
        case maxEpisodeSteps = "max_episode_steps"
        case params, normalize
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(EnvironmentID.self, forKey: .id)
        numEnvs = try c.value(.numEnvs, default: TrainerSettings.Environment(id: id.rawValue).numEnvs)
        try c.require((1...65_536).contains(numEnvs), .numEnvs, "must be in 1...65536")
        maxEpisodeSteps = try c.value(.maxEpisodeSteps, default: id.defaultMaxEpisodeSteps)
        try c.require(maxEpisodeSteps >= 1, .maxEpisodeSteps, "must be at least 1")
        params = try EnvironmentParams.decode(for: id, from: c, key: .params)
        normalize = try NormalizationSettings.decode(from: c, key: .normalize)
        do {
            _ = try tabularMDP()
        } catch {
            // The builder names the parameter and the entry; point at that node.
            let key: CodingKeys = error.field == "horizon" ? .maxEpisodeSteps : .params
            var path: [any CodingKey] = []
            if key == .params {
                path.append(StringKey(error.field))
                path += error.indices.map { IndexKey($0) as any CodingKey }
            }
            throw DecodingError.dataCorrupted(.init(
                codingPath: c.codingPath + [key] + path, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(numEnvs, forKey: .numEnvs)
        try c.encode(maxEpisodeSteps, forKey: .maxEpisodeSteps)
        try params.encode(to: c.superEncoder(forKey: .params))
        // Written only when on, so that jobs without it keep their ids.
        try c.encodeIfPresent(normalize, forKey: .normalize)
    }
}

extension EnvironmentSettings {
    /// The finite MDP of a tabular environment (nil for the classic-control ones),
    /// built and checked by the environment's own builder.
    public func tabularMDP() throws(TabularSpecError) -> TabularMDP? {
        switch params {
        case .none:
            return nil
        case .chain(let p):
            return try Chain(
                length: p.length, slip: p.slip, smallReward: p.smallReward, largeReward: p.largeReward,
                horizon: maxEpisodeSteps
            ).mdp()
        case .bandit(let p):
            return try Bandit(means: p.means, std: p.std).mdp()
        case .randomMDP(let p):
            return try RandomMDP(
                states: p.states, actions: p.actions, branching: p.branching,
                structureSeed: UInt64(p.structureSeed), horizon: maxEpisodeSteps
            ).mdp()
        case .tabular(let p):
            return try TabularSpec(
                states: p.states, actions: p.actions, initial: p.initial, transitions: p.transitions,
                rewards: p.rewards, rewardNoise: p.rewardNoise, terminal: p.terminal, horizon: maxEpisodeSteps
            ).build()
        }
    }
}

extension EnvironmentSettings {
    /// The settings of `id` with every default (`environment: {id: ID}`).
    public static func defaults(for id: EnvironmentID) throws -> EnvironmentSettings {
        try YAMLDecoder().decode(
            EnvironmentSettings.self, from: Node(.mapping([Node.Pair(key: "id", value: .string(id.rawValue))])))
    }
}
