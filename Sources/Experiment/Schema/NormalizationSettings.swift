import PolicyGradient
import YAML

/// `environment.normalize`: `true` (observations and rewards, SB3's defaults), `false` or null
/// (none), or a mapping of SB3's `VecNormalize` settings.
public typealias NormalizationSettings = Normalization

extension Normalization: Codable {
    enum CodingKeys: String, CodingKey {
        case observations, rewards
        case clipObservations = "clip_observations"
        case clipRewards = "clip_rewards"
        case epsilon
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        observations = try c.value(.observations, default: observations)
        rewards = try c.value(.rewards, default: rewards)
        clipObservations = try c.value(.clipObservations, default: clipObservations)
        try c.require(clipObservations > 0, .clipObservations, "must be > 0 (.inf: no clipping)")
        clipRewards = try c.value(.clipRewards, default: clipRewards)
        try c.require(clipRewards > 0, .clipRewards, "must be > 0 (.inf: no clipping)")
        epsilon = try c.value(.epsilon, default: epsilon)
        try c.require(epsilon > 0 && epsilon.isFinite, .epsilon, "must be a finite number > 0")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(observations, forKey: .observations)
        try c.encode(rewards, forKey: .rewards)
        try c.encode(clipObservations, forKey: .clipObservations)
        try c.encode(clipRewards, forKey: .clipRewards)
        try c.encode(epsilon, forKey: .epsilon)
    }

    /// The `normalize` entry of `c`: nil when absent, null or `false`; all defaults for `true`.
    static func decode<K: CodingKey>(from c: KeyedDecodingContainer<K>, key: K) throws -> Normalization? {
        guard c.contains(key), try !c.decodeNil(forKey: key) else { return nil }
        if let flag = try? c.decode(Bool.self, forKey: key) { return flag ? Normalization() : nil }
        return try c.decode(Normalization.self, forKey: key)
    }
}
