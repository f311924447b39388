import PolicyGradient
import YAML

/// The `environment.params` mapping, whose schema depends on `environment.id`.
public enum EnvironmentParams: Sendable, Equatable {
    /// The classic-control environments take no parameters.
    case none
    case chain(ChainParams)
    case bandit(BanditParams)
    case randomMDP(RandomMDPParams)
    case tabular(TabularParams)

    static func decode<K: CodingKey>(
        for id: EnvironmentID, from container: KeyedDecodingContainer<K>, key: K
    ) throws -> EnvironmentParams {
        let present = try container.contains(key) && !container.decodeNil(forKey: key)
        switch id {
        case .cartPole, .acrobot, .mountainCar, .pendulum:
            if present { _ = try container.decode(NoParams.self, forKey: key) }
            return .none
        case .chain:
            return .chain(present ? try container.decode(ChainParams.self, forKey: key) : ChainParams())
        case .bandit:
            guard present else { throw missing(key, in: container, id) }
            return .bandit(try container.decode(BanditParams.self, forKey: key))
        case .randomMDP:
            return .randomMDP(
                present ? try container.decode(RandomMDPParams.self, forKey: key) : RandomMDPParams())
        case .tabular:
            guard present else { throw missing(key, in: container, id) }
            return .tabular(try container.decode(TabularParams.self, forKey: key))
        }
    }

    private static func missing<K: CodingKey>(
        _ key: K, in container: KeyedDecodingContainer<K>, _ id: EnvironmentID
    ) -> DecodingError {
        DecodingError.keyNotFound(key, .init(
            codingPath: container.codingPath,
            debugDescription: "\(id.rawValue) needs 'params'"))
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .none: try NoParams().encode(to: encoder)
        case .chain(let p): try p.encode(to: encoder)
        case .bandit(let p): try p.encode(to: encoder)
        case .randomMDP(let p): try p.encode(to: encoder)
        case .tabular(let p): try p.encode(to: encoder)
        }
    }
}

/// An empty parameter mapping: any key in it is unknown.
struct NoParams: Codable {
    init() {}
    init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: IndexKey.self)
    }
    func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: IndexKey.self)
    }
}

/// `Chain` parameters: Strens' n-chain (defaults: the core's `Chain`).
public struct ChainParams: Codable, Sendable, Equatable {
    public var length = Chain().length
    public var slip = Chain().slip
    public var smallReward = Chain().smallReward
    public var largeReward = Chain().largeReward

    enum CodingKeys: String, CodingKey {
        case length, slip
        case smallReward = "small_reward"
        case largeReward = "large_reward"
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        length = try c.value(.length, default: length)
        slip = try c.value(.slip, default: slip)
        smallReward = try c.value(.smallReward, default: smallReward)
        largeReward = try c.value(.largeReward, default: largeReward)
    }
}

/// `Bandit` parameters: arm means and a common reward noise.
public struct BanditParams: Codable, Sendable, Equatable {
    public var means: [Double]
    public var std: Double

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        means = try c.decode([Double].self, forKey: .means)
        try c.require(means.count >= 2, .means, "needs at least 2 arms, found \(means.count)")
        std = try c.value(.std, default: Bandit(means: means).std)
    }
}

/// `RandomMDP` parameters: a Garnet MDP (defaults: the core's `RandomMDP`).
public struct RandomMDPParams: Codable, Sendable, Equatable {
    public var states = RandomMDP().states
    public var actions = RandomMDP().actions
    public var branching = RandomMDP().branching
    public var structureSeed = Int(RandomMDP().structureSeed)

    enum CodingKeys: String, CodingKey {
        case states, actions, branching
        case structureSeed = "structure_seed"
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        states = try c.value(.states, default: states)
        actions = try c.value(.actions, default: actions)
        branching = try c.value(.branching, default: branching)
        structureSeed = try c.value(.structureSeed, default: structureSeed)
        try c.require(structureSeed >= 0, .structureSeed, "must be >= 0")
    }
}
