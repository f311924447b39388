import Foundation

/// A trained policy as a completed job keeps it (`jobs/<id>/policy.json`): what it acts on,
/// its parameters and their layout, its critic, the normalization statistics it was trained
/// with, and the random state its final evaluation started from, so that evaluating it again
/// reproduces the recorded final return bit for bit (docs/policy-format.md).
///
/// The network itself is rebuilt from the job's `config.yaml`; the descriptive fields let a
/// reader outside the runner use the numbers without it. JSON with sorted keys and floats in
/// shortest round-trip form: the same run writes the same bytes.
///
/// Format 1 (runners before the critic was kept) has only `format`, `environment`,
/// `observation_size`, `actions`, `architecture`, `parameters`, `normalization` and
/// `final_evaluation`; it still loads, with the fields format 2 added left nil.
public struct SavedPolicy: Codable, Sendable, Equatable {
    /// The version of this layout written now.
    public static let currentFormat = 2
    /// The versions `load` reads.
    public static let readableFormats = 1...2

    public var format: Int
    /// The environment: a registry id, or `tabular` for a finite MDP.
    public var environment: String
    /// Length of one observation.
    public var observationSize: Int
    /// `discrete N` or `continuous D`.
    public var actions: String
    /// `mlp [64, 64] tanh`, `linear` or `tabular`.
    public var architecture: String
    /// How actions follow from the network's output: `categorical` (softmax of the logits),
    /// `gaussian` (mean and a state-independent `log_std`) or `gaussian_sde` (mean and gSDE's
    /// `[features × actions]` `log_std`). Format 2.
    public var actionHead: String?
    /// The bounds of a continuous action, per dimension (actions are clipped to them). Format 2.
    public var actionLow: [Double]?
    public var actionHigh: [Double]?
    /// The policy's parameters θ, in the order of its parameter buffer (with a shared trunk,
    /// the buffer also holds the value head).
    public var parameters: [Float]
    /// Where each tensor of `parameters` lies. Format 2.
    public var layout: [ParameterTensor]?
    /// The learned value function, when the job learns one. Format 2.
    public var critic: SavedCritic?
    /// With `environment.normalize`: the statistics, applied frozen when the policy acts.
    public var normalization: NormalizationState?
    /// With `environment.normalize`: how the statistics are applied. Format 2.
    public var normalizationSettings: NormalizationSettings?
    /// The evaluation copies and action generator as the final evaluation found them.
    var finalEvaluation: EvaluationStart?

    public init(
        format: Int = SavedPolicy.currentFormat, environment: String, observationSize: Int, actions: String,
        architecture: String, actionHead: String? = nil, actionLow: [Double]? = nil, actionHigh: [Double]? = nil,
        parameters: [Float], layout: [ParameterTensor]? = nil, critic: SavedCritic? = nil,
        normalization: NormalizationState? = nil, normalizationSettings: NormalizationSettings? = nil
    ) {
        self.format = format
        self.environment = environment
        self.observationSize = observationSize
        self.actions = actions
        self.architecture = architecture
        self.actionHead = actionHead
        self.actionLow = actionLow
        self.actionHigh = actionHigh
        self.parameters = parameters
        self.layout = layout
        self.critic = critic
        self.normalization = normalization
        self.normalizationSettings = normalizationSettings
    }

    /// The JSON text: one line with sorted keys, then a newline.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// A saved policy read back from `json()`'s output.
    public static func load(_ data: Data) throws -> SavedPolicy {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let saved = try decoder.decode(SavedPolicy.self, from: data)
        guard readableFormats.contains(saved.format) else {
            throw TrainerError(
                "policy.json has format \(saved.format); this runner reads formats "
                    + "\(readableFormats.lowerBound) to \(readableFormats.upperBound)")
        }
        return saved
    }

    enum CodingKeys: String, CodingKey {
        case format, environment, actions, architecture, parameters, layout, critic, normalization
        case observationSize = "observation_size"
        case actionHead = "action_head"
        case actionLow = "action_low"
        case actionHigh = "action_high"
        case normalizationSettings = "normalization_settings"
        case finalEvaluation = "final_evaluation"
    }
}

/// Where an evaluation started: the evaluation copies (their generators decide the episodes'
/// starts) and the action generator.
struct EvaluationStart: Codable, Sendable, Equatable {
    var copies: EnvironmentCopiesState
    var generator: RandomGeneratorState
}
