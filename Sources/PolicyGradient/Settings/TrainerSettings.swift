/// Everything one training job runs with: environment, policy, estimator, baseline, critic,
/// entropy bonus, optimizer, budget, diagnostics and seed (the experiment file's settings,
/// resolved; docs/configuration.md gives the user-facing meaning of each).
///
/// Plain values with the documented defaults, so a test can write
/// `TrainerSettings(environment: .init(id: "CartPole-v1"), estimator: .init(name: .a2c), training: .init(steps: 10_000))`.
public struct TrainerSettings: Sendable, Equatable {
    public var environment: Environment
    public var policy: Policy
    public var estimator: Estimator
    public var baseline: Baseline
    /// λ ∈ (0, 1]: each earlier update's weight in the `mean` and `optimal` baselines fades by λ
    /// per update (1: every earlier update alike, the cumulative average).
    public var baselineDecay: Double
    public var critic: Critic
    /// β of the entropy bonus β·mean H(π(·|s_t)).
    public var entropyCoef: Double
    public var optimizer: Optimizer
    public var training: Training
    public var diagnostics: Diagnostics?
    /// The job's seed; every random stream derives from it.
    public var seed: UInt64

    public init(
        environment: Environment, policy: Policy = Policy(), estimator: Estimator, baseline: Baseline = defaultBaseline,
        critic: Critic? = nil, entropyCoef: Double = defaultEntropyCoef, optimizer: Optimizer = Optimizer(), training: Training,
        diagnostics: Diagnostics? = nil, seed: UInt64 = 0, baselineDecay: Double = defaultBaselineDecay
    ) {
        self.environment = environment
        self.policy = policy
        self.estimator = estimator
        self.baseline = baseline
        self.baselineDecay = baselineDecay
        self.critic = critic ?? Critic(hidden: policy.hidden, activation: policy.activation)
        self.entropyCoef = entropyCoef
        self.optimizer = optimizer
        self.training = training
        self.diagnostics = diagnostics
        self.seed = seed
    }

    /// Whether the job learns a critic: the estimator bootstraps or the baseline is `value`.
    /// (Diagnostics never add one: that would change training through the shared clipping norm.)
    public var hasCritic: Bool { Self.learnsCritic(estimator.name, baseline) }

    /// Whether a job with `estimator` and `baseline` learns a critic: the estimator bootstraps
    /// from one (`PolicyGradientAlgorithm.critic`), or the `value` baseline is one.
    public static func learnsCritic(_ estimator: EstimatorName, _ baseline: Baseline) -> Bool {
        estimator.algorithm.critic != nil || baseline == .value
    }

    /// `baseline_decay` when the file does not set it: every update weighs alike.
    public static let defaultBaselineDecay = 1.0
    /// `baseline` when the file does not set it.
    public static let defaultBaseline = Baseline.none
    /// `entropy_coef` when the file does not set it: no entropy bonus.
    public static let defaultEntropyCoef = 0.0
}
