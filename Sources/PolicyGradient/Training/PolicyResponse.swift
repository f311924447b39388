/// What a saved policy answers for one observation: its greedy action and its critic's outputs.
public struct PolicyResponse: Sendable, Equatable {
    /// The observation as the networks see it: standardized and clipped with the saved
    /// statistics when the job normalizes observations, else as given.
    public var observation: [Float]
    /// The most probable action: `[index]` for discrete actions, μ(s) for a Gaussian policy
    /// (not clipped to the action bounds).
    public var greedyAction: [Float]
    /// V(s) (`[1]`), or Q(s, ·); empty without a critic.
    public var values: [Float]
}
