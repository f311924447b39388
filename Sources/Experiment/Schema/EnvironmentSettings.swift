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
    /// Environment-specific parameters, every key of the descriptor's schema (defaults filled in).
    public var params: EnvironmentParameters
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
        if let limit = id.defaultMaxEpisodeSteps {
            maxEpisodeSteps = try c.value(.maxEpisodeSteps, default: limit)
        } else {
            maxEpisodeSteps = try c.decode(Int.self, forKey: .maxEpisodeSteps)
        }
        try c.require(maxEpisodeSteps >= 1, .maxEpisodeSteps, "must be at least 1")
        params = try EnvironmentParameters.decode(for: id.descriptor, from: c, key: .params)
        normalize = try NormalizationSettings.decode(from: c, key: .normalize)
        do {
            try id.descriptor.validate(params, maxEpisodeSteps)
        } catch let error as EnvironmentParameterError {
            // The descriptor names the parameter and the entry; point at that node.
            var path: [any CodingKey] = [CodingKeys.maxEpisodeSteps]
            if let key = error.key {
                path = [CodingKeys.params, StringKey(key)] + error.indices.map { IndexKey($0) as any CodingKey }
            }
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + path, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(numEnvs, forKey: .numEnvs)
        try c.encode(maxEpisodeSteps, forKey: .maxEpisodeSteps)
        try params.encode(for: id.descriptor, to: c.superEncoder(forKey: .params))
        // Written only when on, so that jobs without it keep their ids.
        try c.encodeIfPresent(normalize, forKey: .normalize)
    }
}
