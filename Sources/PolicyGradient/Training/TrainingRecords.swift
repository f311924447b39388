/// One row of a job's learning curve (`curve.csv`, docs/architecture.md section 7).
public struct CurveRow: Sendable, Equatable {
    /// Environment steps taken so far (all copies together).
    public var step: Int
    /// Training episodes finished so far.
    public var episodes: Int
    /// Mean and standard deviation of the evaluation returns.
    public var evalReturnMean: Double
    public var evalReturnStd: Double
    /// Mean return of the training episodes finished since the previous row (NaN if none).
    public var trainReturn: Double
    /// Mean policy entropy over the last update's batch.
    public var entropy: Double
    public var policyLoss: Double
    /// NaN when the job learns no critic.
    public var valueLoss: Double

    public init(
        step: Int, episodes: Int, evalReturnMean: Double, evalReturnStd: Double,
        trainReturn: Double, entropy: Double, policyLoss: Double, valueLoss: Double
    ) {
        self.step = step
        self.episodes = episodes
        self.evalReturnMean = evalReturnMean
        self.evalReturnStd = evalReturnStd
        self.trainReturn = trainReturn
        self.entropy = entropy
        self.policyLoss = policyLoss
        self.valueLoss = valueLoss
    }

    public static let header = [
        "step", "episodes", "eval_return_mean", "eval_return_std", "train_return", "entropy",
        "policy_loss", "value_loss",
    ]

    /// The row's CSV fields; numbers in their shortest round-trip form, NaN as an empty field.
    public var fields: [String] {
        [String(step), String(episodes)]
            + [evalReturnMean, evalReturnStd, trainReturn, entropy, policyLoss, valueLoss].map(csvNumber)
    }
}

/// One gradient-variance measurement for one baseline (`variance.csv`, docs/architecture.md section 6).
public struct VarianceRow: Sendable, Equatable {
    public var step: Int
    /// The baseline the estimates used (`none`, `mean`, `optimal`, `value`).
    public var baseline: String
    /// K, the number of estimates.
    public var samples: Int
    /// ‖ḡ‖, the norm of the mean estimate.
    public var gradNorm: Double
    /// Σ_k ‖ĝ_k − ḡ‖² / (K − 1), the trace of the sample covariance.
    public var variance: Double
    /// ‖ḡ‖² / variance.
    public var snr: Double
    /// Tabular environments only (NaN elsewhere): J_H(θ), max J_H, ‖∇J_H‖, ‖ḡ − ∇J_H‖,
    /// Σ_k ‖ĝ_k − ∇J_H‖² / K and cos(ḡ, ∇J_H).
    public var exactObjective: Double = .nan
    public var optimalObjective: Double = .nan
    public var exactNorm: Double = .nan
    public var bias: Double = .nan
    public var mse: Double = .nan
    public var cosine: Double = .nan
    /// Σ_k ‖ĝ_k^{f32} − ĝ_k‖² / K: the mean squared difference between each estimate computed
    /// from Float32 returns, values and advantages (as training stores them) and the same
    /// estimate in Double; the variance that their rounding alone produces.
    public var precisionFloor: Double = .nan

    public init(step: Int, baseline: String, samples: Int, gradNorm: Double, variance: Double, snr: Double) {
        self.step = step
        self.baseline = baseline
        self.samples = samples
        self.gradNorm = gradNorm
        self.variance = variance
        self.snr = snr
    }

    public static let header = [
        "step", "baseline", "samples", "grad_norm", "variance", "snr", "exact_objective",
        "optimal_objective", "exact_norm", "bias", "mse", "cosine", "precision_floor",
    ]

    public var fields: [String] {
        [String(step), baseline, String(samples)]
            + [gradNorm, variance, snr, exactObjective, optimalObjective, exactNorm, bias, mse, cosine, precisionFloor]
            .map(csvNumber)
    }
}

/// How a job ended.
public enum JobStatus: String, Sendable, Codable {
    case completed
    /// A NaN or Inf appeared; the job stopped at `TrainingOutcome.steps`.
    case diverged
    /// The job threw an error.
    case failed
    /// The sweep was stopped while the job ran.
    case interrupted
}

/// What a finished (or stopped) training run reports.
public struct TrainingOutcome: Sendable, Equatable {
    public var status: JobStatus
    /// Mean evaluation return at the end of training (NaN unless completed).
    public var finalReturn: Double
    /// Environment steps taken.
    public var steps: Int
    /// A message for diverged and failed jobs.
    public var error: String?

    public init(status: JobStatus, finalReturn: Double, steps: Int, error: String? = nil) {
        self.status = status
        self.finalReturn = finalReturn
        self.steps = steps
        self.error = error
    }
}

/// Where a training run streams its rows; the sweep layer writes them to disk as they come.
public protocol TrainingSink: AnyObject {
    func record(_ row: CurveRow)
    func record(_ row: VarianceRow)
    /// Polled before each update and, every few hundred steps, inside long collections,
    /// updates and evaluations: true asks the run to stop (reported as `interrupted`). Keep it
    /// cheap (a flag read).
    var shouldStop: Bool { get }
    /// Told the step count after every update, for progress displays (ignored by default).
    func progress(steps: Int)
    /// Given the trained policy once a run completes (ignored by default).
    func record(_ policy: SavedPolicy)
    /// The state to resume from, restored into the freshly built run before it starts; nil
    /// (the default) starts at step 0.
    var resumeSnapshot: TrainingSnapshot? { get }
    /// Polled at each update boundary: true asks the run to offer a checkpoint there and stop
    /// (`interrupted`), so that a preempted job loses nothing (false by default).
    var checkpointRequested: Bool { get }
    /// Offered at the first update boundary after every `training.checkpoint_every` steps and
    /// when `checkpointRequested`; `snapshot()` takes the run's state (ignored by default).
    func checkpoint(step: Int, _ snapshot: () -> TrainingSnapshot)
}

extension TrainingSink {
    public func progress(steps: Int) {}
    public func record(_ policy: SavedPolicy) {}
    public var resumeSnapshot: TrainingSnapshot? { nil }
    public var checkpointRequested: Bool { false }
    public func checkpoint(step: Int, _ snapshot: () -> TrainingSnapshot) {}
}

/// A number as written in CSV files: Swift's shortest round-trip form (the same on every
/// machine), `inf`/`-inf` for infinities, and an empty field for NaN (not available).
public func csvNumber(_ x: Double) -> String {
    if x.isNaN { return "" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return x.description
}
