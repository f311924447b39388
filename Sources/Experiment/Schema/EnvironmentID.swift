import PolicyGradient
import YAML

/// An environment of the registry (docs/architecture.md, "Environments"), as named in experiment
/// files: any registered id, including one registered at run time.
public struct EnvironmentID: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    /// The environment's entry: the core registry's, or for an environment stepped by a
    /// backend, one built from what the backend reported (its spaces and time limit).
    public let descriptor: EnvironmentDescriptor
    /// Whether the copies' states can be saved and restored (always, for a registered one).
    public let canCopyStates: Bool

    /// The id `rawValue` if it is registered, else nil.
    public init?(rawValue: String) {
        guard let descriptor = EnvironmentRegistry.descriptor(id: rawValue) else { return nil }
        self.rawValue = rawValue
        self.descriptor = descriptor
        canCopyStates = true
    }

    /// An environment stepped outside this process, described by its backend.
    public init(external descriptor: EnvironmentDescriptor, canCopyStates: Bool) {
        rawValue = descriptor.id
        self.descriptor = descriptor
        self.canCopyStates = canCopyStates
    }

    /// Decodes a registered id; an unknown one fails with the registered ids and a "did you mean".
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.decodeName(among: EnvironmentRegistry.ids)
        // The name was just checked against the registry, which never forgets one.
        descriptor = EnvironmentRegistry.descriptor(id: rawValue)!
        canCopyStates = true
    }

    public static func == (a: EnvironmentID, b: EnvironmentID) -> Bool { a.rawValue == b.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Whether actions are continuous (a Gaussian policy) rather than discrete.
    public var hasContinuousActions: Bool { descriptor.hasContinuousActions }

    /// Whether the environment is a finite MDP observed as a one-hot state,
    /// so a `tabular` policy applies and the exact gradient can be computed.
    public var isTabular: Bool { descriptor.isTabular }

    /// The time limit used when `max_episode_steps` is not given: the descriptor's (Gymnasium's
    /// for the classic-control environments, the default horizon H for the tabular ones).
    public var defaultMaxEpisodeSteps: Int? { descriptor.defaultMaxEpisodeSteps }
}
