/// The learned value function as `policy.json` keeps it (format 2): V(s) (`outputs` 1) or
/// Q(s, ·) (`outputs` the number of actions).
///
/// A critic on the policy's shared trunk has no parameters of its own: `sharesTrunk` is true,
/// `parameters` and `layout` are empty, and its value head is `vf.0.*` in the policy's layout.
public struct SavedCritic: Codable, Sendable, Equatable {
    /// `mlp [64, 64] tanh`, `linear` or `tabular`.
    public var architecture: String
    public var outputs: Int
    public var sharesTrunk: Bool
    /// The critic's own parameters, in the order of its buffer.
    public var parameters: [Float]
    /// Where each tensor of `parameters` lies.
    public var layout: [ParameterTensor]

    public init(architecture: String, outputs: Int, sharesTrunk: Bool, parameters: [Float], layout: [ParameterTensor]) {
        self.architecture = architecture
        self.outputs = outputs
        self.sharesTrunk = sharesTrunk
        self.parameters = parameters
        self.layout = layout
    }

    enum CodingKeys: String, CodingKey {
        case architecture, outputs, parameters, layout
        case sharesTrunk = "shares_trunk"
    }
}
