import PolicyGradient
import YAML

/// Everything one job trains with: the experiment file's settings sections, resolved.
///
/// Sections left out of the file take their defaults; `environment`, `estimator` and
/// `training` are required.
public struct JobSettings: Codable, Sendable, Equatable {
    public var environment: EnvironmentSettings
    public var policy: PolicySettings
    public var estimator: EstimatorSettings
    public var baseline: Baseline
    /// `baseline_decay`; nil when 1 (the default), so that spelling it out keeps a job's id.
    public var baselineDecay: Double?
    public var critic: CriticSettings
    public var entropyCoef: Double
    public var optimizer: OptimizerSettings
    public var training: TrainingSettings
    public var diagnostics: DiagnosticsSettings

    /// The top-level keys that belong to a job's settings.
    public static let sectionKeys = CodingKeys.allCases.map(\.stringValue)

    enum CodingKeys: String, CodingKey, CaseIterable {
        case environment, policy, estimator, baseline
        case baselineDecay = "baseline_decay"
        case critic
        case entropyCoef = "entropy_coef"
        case optimizer, training, diagnostics
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        environment = try c.decode(EnvironmentSettings.self, forKey: .environment)
        policy = try Self.section(PolicySettings.self, .policy, in: c)
        estimator = try c.decode(EstimatorSettings.self, forKey: .estimator)
        baseline = try c.value(.baseline, default: TrainerSettings.defaultBaseline)
        baselineDecay = try c.decodeIfPresent(Double.self, forKey: .baselineDecay).flatMap { $0 == TrainerSettings.defaultBaselineDecay ? nil : $0 }
        critic = CriticSettings(try Self.section(CriticSection.self, .critic, in: c), following: policy)
        entropyCoef = try c.value(.entropyCoef, default: TrainerSettings.defaultEntropyCoef)
        try c.require(entropyCoef.isFinite, .entropyCoef, "must be finite")
        optimizer = try Self.section(OptimizerSettings.self, .optimizer, in: c)
        training = try c.decode(TrainingSettings.self, forKey: .training)
        diagnostics = try c.value(.diagnostics, default: DiagnosticsSettings())
    }

    /// An optional section: decoded from the file, or from an empty mapping (all defaults).
    private static func section<T: Decodable>(
        _ type: T.Type, _ key: CodingKeys, in c: KeyedDecodingContainer<CodingKeys>
    ) throws -> T {
        if c.contains(key), try !c.decodeNil(forKey: key) {
            return try c.decode(T.self, forKey: key)
        }
        return try YAMLDecoder().decode(T.self, from: Node(.mapping([])))
    }
}

/// One job: a cell's settings and a seed.
public struct JobConfig: Sendable, Equatable {
    public var settings: JobSettings
    public var seed: Int

    public init(settings: JobSettings, seed: Int) {
        self.settings = settings
        self.seed = seed
    }
}
