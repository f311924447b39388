import Foundation

/// Everything that determines the rest of a run, taken between two updates: parameters,
/// optimizer state, counters, every random generator, the environment copies, the running
/// baselines, the target network, the latest update's metrics, the counters and episode window of
/// `UpdateStatistics` and the curve rows written so far.
///
/// Restored into a freshly built run of the same settings, training continues exactly as the
/// run it was taken from would have, bit for bit.
///
/// Saved snapshots carry `formatVersion`; `load` refuses any other version than this build's,
/// naming both, rather than misreading a file written by another version.
public struct TrainingSnapshot: Codable, Sendable {
    /// The version of the saved form written by this build; raise it whenever a field changes.
    public static let currentFormatVersion = 2

    /// The version of the saved form (`currentFormatVersion` when taken by this build).
    public var formatVersion = TrainingSnapshot.currentFormatVersion
    /// The values of each distinct parameter buffer (policy first).
    var parameters: [[Float]]
    /// One state per buffer's optimizer.
    var optimizers: [OptimizerState]
    var targetCritic: [Float]?
    var stepsDone: Int
    var updatesDone: Int
    var episodesDone: Int
    var baselines: RunningBaselines
    var policyLoss: Double
    var valueLoss: Double
    var entropy: Double
    var actionGenerator: RandomGeneratorState
    /// The update rule's own stream (`UpdateRule.generatorState`: PPO's minibatch shuffles).
    var minibatchGenerator: RandomGeneratorState?
    var evaluationGenerator: RandomGeneratorState
    var environments: EnvironmentCopiesState
    var evaluationEnvironments: EnvironmentCopiesState
    /// With `environment.normalize`, the statistics and the discounted returns.
    var normalization: NormalizationState?
    /// With gSDE, the training copies' exploration matrices. Each batch draws new ones at its
    /// first step, so the step counter of `sde_sample_freq` is 0 at every snapshot.
    var exploration: [Float]?
    var loop: LoopProgress
    /// Stable-Baselines3's `n_updates` so far (`TrainingSession.passesDone`); since version 2.
    var passesDone: Int
    /// The last 100 training episodes (`RecentEpisodes`); since version 2.
    var recentEpisodes: RecentEpisodes

    /// The curve rows the run had written when the snapshot was taken.
    public var curve: [CurveRow] { loop.rows }

    /// The snapshot as JSON (floats exact; NaN and infinities spelled out).
    public func save() throws -> Data {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    /// A snapshot read back from `save()`'s output; throws `TrainerError` for another format
    /// version.
    public static func load(_ data: Data) throws -> TrainingSnapshot {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let version = (try? decoder.decode(Version.self, from: data))?.formatVersion
        try checkVersion(version)
        return try decoder.decode(TrainingSnapshot.self, from: data)
    }

    /// Throws unless `version` is this build's format version.
    public static func checkVersion(_ version: Int?) throws {
        guard version == currentFormatVersion else {
            throw TrainerError(
                "the saved training state has format version \(version.map(String.init) ?? "none"); "
                    + "this runner reads version \(currentFormatVersion)")
        }
    }

    /// The version field alone, read before the rest.
    private struct Version: Decodable {
        var formatVersion: Int?
    }
}
