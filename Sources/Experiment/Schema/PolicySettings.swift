import PolicyGradient
import YAML

/// The `policy` section: the actor's function approximator (the core's `TrainerSettings.Policy`).
///
/// Defaults are the core's: a 64x64 tanh MLP; `init` orthogonal for mlp, zeros otherwise.
public typealias PolicySettings = TrainerSettings.Policy

extension TrainerSettings.Policy: Codable {
    enum CodingKeys: String, CodingKey {
        case architecture, hidden, activation
        case initialization = "init"
        case logStdInit = "log_std_init"
        case sde
        case sdeSampleFreq = "sde_sample_freq"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        architecture = try c.value(.architecture, default: architecture)
        hidden = try c.value(.hidden, default: hidden)
        try Self.checkHidden(hidden, in: c, key: .hidden)
        activation = try c.value(.activation, default: activation)
        // Resolved here, so the job's canonical form names the initialization it uses.
        initialization = try c.value(.initialization, default: architecture.defaultInitialization)
        logStdInit = try c.value(.logStdInit, default: logStdInit)
        try c.require(logStdInit.isFinite, .logStdInit, "must be finite")
        sde = try c.value(.sde, default: sde)
        sdeSampleFreq = try c.value(.sdeSampleFreq, default: sdeSampleFreq)
        try c.require(
            sdeSampleFreq == -1 || sdeSampleFreq >= 1, .sdeSampleFreq,
            "must be -1 (a new exploration matrix at the start of each rollout only) or at least 1")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(architecture, forKey: .architecture)
        try c.encode(hidden, forKey: .hidden)
        try c.encode(activation, forKey: .activation)
        try c.encode(initialization ?? architecture.defaultInitialization, forKey: .initialization)
        try c.encode(logStdInit, forKey: .logStdInit)
        // Written only when on, so that jobs without gSDE keep their identity.
        if sde {
            try c.encode(sde, forKey: .sde)
            try c.encode(sdeSampleFreq, forKey: .sdeSampleFreq)
        }
    }

    /// How many hidden layers `hidden` may list.
    static let layerCounts = 1...64
    /// How many units a hidden layer may have.
    static let layerWidths = 1...65_536

    static func checkHidden<K>(_ hidden: [Int], in c: KeyedDecodingContainer<K>, key: K) throws {
        try c.require(layerCounts.contains(hidden.count), key, "needs 1 to 64 layers")
        for (i, width) in hidden.enumerated() where !layerWidths.contains(width) {
            throw c.fail(at: key, [i], "a layer width must be in 1...65536")
        }
    }
}
