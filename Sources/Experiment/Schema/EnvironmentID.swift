import PolicyGradient
import YAML

/// An environment of the registry (docs/architecture.md, "Environments"), as named in experiment
/// files: any registered id, including one registered at run time.
public struct EnvironmentID: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// The id `rawValue` if it is registered, else nil.
    public init?(rawValue: String) {
        guard EnvironmentRegistry.descriptor(id: rawValue) != nil else { return nil }
        self.rawValue = rawValue
    }

    /// Decodes a registered id; an unknown one fails with the registered ids and a "did you mean".
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.decodeName(among: EnvironmentRegistry.ids)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// The environment's entry in the core's registry.
    public var descriptor: EnvironmentDescriptor {
        // An id exists only once registered, and the registry never forgets one.
        EnvironmentRegistry.descriptor(id: rawValue)!
    }

    /// Whether actions are continuous (a Gaussian policy) rather than discrete.
    public var hasContinuousActions: Bool { descriptor.hasContinuousActions }

    /// Whether the environment is a finite MDP observed as a one-hot state,
    /// so a `tabular` policy applies and the exact gradient can be computed.
    public var isTabular: Bool { descriptor.isTabular }

    /// The time limit used when `max_episode_steps` is not given: the descriptor's (Gymnasium's
    /// for the classic-control environments, the default horizon H for the tabular ones).
    public var defaultMaxEpisodeSteps: Int? { descriptor.defaultMaxEpisodeSteps }
}
