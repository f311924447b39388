/// One estimator of Q^π(s_t, a_t) and the training built around it: what the experiment file
/// calls it, the critic it bootstraps from, how its batches are collected, the update rule, and
/// the estimates Q̂ and critic targets y computed from a collected batch.
///
/// Each estimator is one conforming type, listed once in `PolicyGradientAlgorithms.builtIn`
/// (or registered at run time with `PolicyGradientAlgorithms.register`); the trainer, the
/// diagnostics, the memory estimate and the experiment file's validation ask it rather than
/// its name (docs/architecture.md, "How to add an estimator").
public protocol PolicyGradientAlgorithm: Sendable {
    /// The name the experiment file writes in `estimator.name`.
    var name: TrainerSettings.EstimatorName { get }
    /// The critic its estimates bootstrap from; nil when it needs none (a `value` baseline still
    /// learns a V critic).
    var critic: CriticKind? { get }
    /// How its batches are collected.
    var batches: BatchKind { get }
    /// `estimator.n_steps` when the file does not set it (default 5).
    var defaultNSteps: Int { get }
    /// `estimator.normalize_advantage` when the file does not set it (default off).
    var defaultNormalizeAdvantage: Bool { get }
    /// The keys of the `estimator` section it reads (`EstimatorKeys`; default: the common keys
    /// and its collector's); validation warns that any other key written there is ignored, and
    /// leaves it out of the job's identity.
    var estimatorKeys: Set<String> { get }

    /// Its batch collector (default: `EpisodeCollector` for whole episodes, else `FixedLengthCollector`).
    func makeCollector<V: BatchedEnvironment>(_ parts: TrainingParts<V>) -> TrainingParts<V>.Collector
    /// Its update rule (default: `PolicyGradientUpdate`, one gradient step per batch).
    func makeUpdateRule<V: BatchedEnvironment>(_ parts: TrainingParts<V>) -> TrainingParts<V>.Update

    /// Writes Q̂_k into `batch.qEstimates` and the critic's targets y_k into `batch.criticTargets`,
    /// k < `batch.count`. Training calls it in Float32 on every collected batch; the gradient
    /// diagnostics call it again in Double (`PreciseEstimates`), so both run this one definition.
    func estimate<F: BinaryFloatingPoint>(_ batch: EstimateBuffers<F>, settings: TrainerSettings.Estimator)

    /// Bytes its update rule keeps beyond the batch (`MemoryFootprint`'s `minibatches` part;
    /// default 0).
    func updateBytes(_ settings: TrainerSettings, shape: MemoryFootprint.EnvironmentShape) -> Int
}

/// The critic an estimator bootstraps from.
public enum CriticKind: Sendable, Equatable {
    /// V(s): one output.
    case stateValue
    /// Q(s, ·): one output per discrete action; the state's value is Σ_a π(a|s) Q(s, a).
    case actionValue
}

/// How an estimator's batches are collected.
public enum BatchKind: Sendable, Equatable {
    /// `episodes_per_update` complete episodes from reset copies (`EpisodeCollector`).
    case wholeEpisodes
    /// `n_steps` steps of every copy, episodes continuing across batches (`FixedLengthCollector`).
    case fixedLength
}

/// The `estimator` keys the estimators read, by the part of training that reads them.
public enum EstimatorKeys {
    /// Read by every estimator.
    public static let common: Set<String> = ["name", "gamma", "normalize_advantage"]
    /// Read by whole-episode collection (`EpisodeCollector`).
    public static let wholeEpisodes: Set<String> = ["episodes_per_update", "reward_to_go", "discount_weighting"]
    /// Read by fixed-length collection (`FixedLengthCollector`).
    public static let fixedLength: Set<String> = ["n_steps", "bootstrap_truncated"]
    /// Read by PPO's update (`PPOUpdate`).
    public static let ppoUpdate: Set<String> = [
        "epochs", "minibatches", "clip", "clip_schedule", "clip_value", "target_kl",
    ]
}

extension PolicyGradientAlgorithm {
    public var defaultNSteps: Int { 5 }
    public var defaultNormalizeAdvantage: Bool { false }

    public var estimatorKeys: Set<String> {
        switch batches {
        case .wholeEpisodes: EstimatorKeys.common.union(EstimatorKeys.wholeEpisodes)
        case .fixedLength: EstimatorKeys.common.union(EstimatorKeys.fixedLength)
        }
    }

    public func makeCollector<V: BatchedEnvironment>(_ parts: TrainingParts<V>) -> TrainingParts<V>.Collector {
        switch batches {
        case .wholeEpisodes: parts.episodeCollector()
        case .fixedLength: parts.fixedLengthCollector()
        }
    }

    public func makeUpdateRule<V: BatchedEnvironment>(_ parts: TrainingParts<V>) -> TrainingParts<V>.Update {
        parts.policyGradientUpdate()
    }

    public func updateBytes(_ settings: TrainerSettings, shape: MemoryFootprint.EnvironmentShape) -> Int { 0 }
}
