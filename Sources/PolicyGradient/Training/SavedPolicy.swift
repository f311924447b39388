import Foundation

/// A trained policy as a completed job keeps it (`jobs/<id>/policy.json`): what it acts on,
/// its parameters, the normalization statistics it was trained with, and the random state its
/// final evaluation started from, so that evaluating it again reproduces the recorded final
/// return bit for bit.
///
/// The network itself is rebuilt from the job's `config.yaml`; the descriptive fields let a
/// reader check what the numbers are. JSON with sorted keys and floats in shortest round-trip
/// form: the same run writes the same bytes.
public struct SavedPolicy: Codable, Sendable, Equatable {
    /// The version of this layout.
    public static let currentFormat = 1

    public var format: Int
    /// The environment: a registry id, or `tabular` for a finite MDP.
    public var environment: String
    /// Length of one observation.
    public var observationSize: Int
    /// `discrete N` or `continuous D`.
    public var actions: String
    /// `mlp [64, 64] tanh`, `linear` or `tabular`.
    public var architecture: String
    /// The policy's parameters θ, in the order of its parameter buffer (with a shared trunk,
    /// the buffer also holds the value head).
    public var parameters: [Float]
    /// With `environment.normalize`: the statistics, applied frozen when the policy acts.
    public var normalization: NormalizationState?
    /// The evaluation copies and action generator as the final evaluation found them.
    var finalEvaluation: EvaluationStart?

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
        guard saved.format == currentFormat else {
            throw TrainerError("policy.json has format \(saved.format); this runner reads format \(currentFormat)")
        }
        return saved
    }

    enum CodingKeys: String, CodingKey {
        case format, environment, actions, architecture, parameters, normalization
        case observationSize = "observation_size"
        case finalEvaluation = "final_evaluation"
    }
}

/// Where an evaluation started: the evaluation copies (their generators decide the episodes'
/// starts) and the action generator.
struct EvaluationStart: Codable, Sendable, Equatable {
    var copies: EnvironmentCopiesState
    var generator: RandomGeneratorState
}
