import YAML

/// The `policy` section: the actor's function approximator.
public struct PolicySettings: Codable, Sendable, Equatable {
    public enum Architecture: String, YAMLEnum { case tabular, linear, mlp }
    public enum Activation: String, YAMLEnum { case tanh, relu }
    public enum Initialization: String, YAMLEnum { case orthogonal, zeros, normal }

    public var architecture: Architecture
    /// Hidden layer widths (mlp only).
    public var hidden: [Int]
    public var activation: Activation
    /// `orthogonal` by default for mlp, `zeros` for tabular and linear.
    public var initialization: Initialization
    /// Initial log standard deviation of the Gaussian head (continuous actions only).
    public var logStdInit: Double

    enum CodingKeys: String, CodingKey {
        case architecture, hidden, activation
        case initialization = "init"
        case logStdInit = "log_std_init"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        architecture = try c.value(.architecture, default: .mlp)
        hidden = try c.value(.hidden, default: [64, 64])
        try Self.checkHidden(hidden, in: c, key: .hidden)
        activation = try c.value(.activation, default: .tanh)
        initialization = try c.value(
            .initialization, default: architecture == .mlp ? .orthogonal : .zeros)
        logStdInit = try c.value(.logStdInit, default: 0)
        try c.require(logStdInit.isFinite, .logStdInit, "must be finite")
    }

    static func checkHidden<K>(_ hidden: [Int], in c: KeyedDecodingContainer<K>, key: K) throws {
        try c.require(!hidden.isEmpty, key, "needs at least one layer")
        for (i, width) in hidden.enumerated() where width < 1 {
            throw c.fail(at: key, [i], "layer width must be at least 1")
        }
    }
}
