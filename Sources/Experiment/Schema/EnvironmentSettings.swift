import YAML

/// The `environment` section: which environment, how many copies, and its parameters.
public struct EnvironmentSettings: Codable, Sendable, Equatable {
    /// A registry id (DESIGN section 4).
    public var id: EnvironmentID
    /// Copies stepped in lockstep.
    public var numEnvs: Int
    /// The episode time limit H; the registry's default unless overridden.
    public var maxEpisodeSteps: Int
    /// Environment-specific parameters.
    public var params: EnvironmentParams

    enum CodingKeys: String, CodingKey {
        case id
        case numEnvs = "num_envs"
        case maxEpisodeSteps = "max_episode_steps"
        case params
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(EnvironmentID.self, forKey: .id)
        numEnvs = try c.value(.numEnvs, default: 1)
        try c.require(numEnvs >= 1, .numEnvs, "must be at least 1")
        maxEpisodeSteps = try c.value(.maxEpisodeSteps, default: id.defaultMaxEpisodeSteps)
        try c.require(maxEpisodeSteps >= 1, .maxEpisodeSteps, "must be at least 1")
        params = try EnvironmentParams.decode(for: id, from: c, key: .params)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(numEnvs, forKey: .numEnvs)
        try c.encode(maxEpisodeSteps, forKey: .maxEpisodeSteps)
        try params.encode(to: c.superEncoder(forKey: .params))
    }
}
