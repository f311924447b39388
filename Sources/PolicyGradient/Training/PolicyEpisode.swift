/// One episode of a saved policy: where it started (the environment's internal state) and the
/// actions it took, to be replayed by `EnvironmentTrace`.
public struct PolicyEpisode: Sendable, Equatable {
    public var state: [Double]
    public var actions: [[Double]]
}
