/// What the settings rules need to know of the environment a job runs on.
public struct EnvironmentTraits: Sendable, Equatable {
    /// The environment's id, for messages.
    public var name: String
    /// Whether it is a finite MDP observed one-hot (where a tabular policy applies).
    public var isTabular: Bool
    /// Whether its actions are real vectors (a Gaussian policy) rather than integers.
    public var hasContinuousActions: Bool

    public init(name: String, isTabular: Bool, hasContinuousActions: Bool) {
        self.name = name
        self.isTabular = isTabular
        self.hasContinuousActions = hasContinuousActions
    }

    /// The traits of a registered environment (a tabular one has discrete actions).
    public init(_ descriptor: EnvironmentDescriptor) {
        self.init(name: descriptor.id, isTabular: descriptor.isTabular, hasContinuousActions: descriptor.hasContinuousActions)
    }
}
