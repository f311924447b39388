/// Everything one training job runs with: environment, policy, estimator, baseline, critic,
/// entropy bonus, optimizer, budget, diagnostics and seed (the experiment file's settings,
/// resolved; docs/configuration.md gives the user-facing meaning of each).
///
/// Plain values with the documented defaults, so a test can write
/// `TrainerSettings(environment: .init(id: "CartPole-v1"), estimator: .init(name: .a2c), training: .init(steps: 10_000))`.
public struct TrainerSettings: Sendable, Equatable {
    /// Where the environment comes from.
    public enum EnvironmentSource: Sendable, Equatable {
        /// A classic-control registry id (`CartPole-v1`, `Acrobot-v1`, `MountainCar-v0`, `Pendulum-v1`).
        case classic(id: String)
        /// A finite MDP (`Chain`, `Bandit`, `RandomMDP`, `Tabular`), observed one-hot.
        case tabular(TabularMDP)
    }

    /// `environment:` — which environment, how many copies, which time limit.
    public struct Environment: Sendable, Equatable {
        public var source: EnvironmentSource
        /// Copies stepped in lockstep (N).
        public var numEnvs: Int
        /// The time limit H; nil: the registry's (a tabular MDP's horizon).
        public var maxEpisodeSteps: Int?
        /// Observation and reward normalization (SB3's `VecNormalize`); nil: none.
        public var normalize: Normalization?

        public init(source: EnvironmentSource, numEnvs: Int = 1, maxEpisodeSteps: Int? = nil, normalize: Normalization? = nil) {
            self.source = source
            self.numEnvs = numEnvs
            self.maxEpisodeSteps = maxEpisodeSteps
            self.normalize = normalize
        }

        /// A classic-control environment by registry id.
        public init(id: String, numEnvs: Int = 1, maxEpisodeSteps: Int? = nil, normalize: Normalization? = nil) {
            self.init(source: .classic(id: id), numEnvs: numEnvs, maxEpisodeSteps: maxEpisodeSteps, normalize: normalize)
        }
    }

    /// `policy:` — the actor's function approximator.
    public struct Policy: Sendable, Equatable {
        public var architecture: ModelArchitecture
        /// Hidden widths (mlp).
        public var hidden: [Int]
        public var activation: ActivationFunction
        /// nil: the architecture's default (orthogonal for mlp, zeros otherwise).
        public var initialization: WeightInitialization?
        /// Initial log σ of the Gaussian head (continuous actions).
        public var logStdInit: Double

        public init(
            architecture: ModelArchitecture = .mlp, hidden: [Int] = [64, 64], activation: ActivationFunction = .tanh,
            initialization: WeightInitialization? = nil, logStdInit: Double = 0
        ) {
            self.architecture = architecture
            self.hidden = hidden
            self.activation = activation
            self.initialization = initialization
            self.logStdInit = logStdInit
        }
    }

    /// What stands in for Q^π(s_t, a_t) (see `Trainer` for each estimator's formulas).
    public enum EstimatorName: String, Sendable, CaseIterable {
        case reinforce
        case actorCritic = "actor_critic"
        case a2c, gae, ppo

        /// Every estimator but REINFORCE bootstraps from a learned critic.
        public var needsCritic: Bool { self != .reinforce }
    }

    /// `estimator:`.
    public struct Estimator: Sendable, Equatable {
        public var name: EstimatorName
        /// Discount γ.
        public var gamma: Double
        /// Rollout length per copy per update (actor_critic, a2c, gae, ppo).
        public var nSteps: Int
        /// GAE λ (gae, ppo).
        public var gaeLambda: Double
        /// Complete episodes per update (reinforce).
        public var episodesPerUpdate: Int
        /// Weight term t by G_t (true) or G_0 (false) (reinforce).
        public var rewardToGo: Bool
        /// Multiply term t by γ^t (reinforce).
        public var discountWeighting: Bool
        /// Standardize the advantages: (A − mean) / (std + 1e-8), std the unbiased sample std.
        public var normalizeAdvantage: Bool
        /// On a time-limit truncation, bootstrap with the critic's value of the final observation.
        public var bootstrapTruncated: Bool
        /// PPO: passes over each batch.
        public var epochs: Int
        /// PPO: minibatches per pass.
        public var minibatches: Int
        /// PPO: clipping range ε.
        public var clip: Double
        /// PPO: how ε changes over training; `linear` is ε·(1 − progress), as the learning rate's.
        public var clipSchedule: LearningRateSchedule
        /// PPO: the value clipping range ε_V (Stable-Baselines3's `clip_range_vf`); nil: no clipping.
        public var clipValue: Double?
        /// PPO: stop the update's epochs at the first minibatch whose approximate KL exceeds
        /// 1.5 × `targetKL` (Stable-Baselines3's `target_kl`); nil: never.
        public var targetKL: Double?

        public init(
            name: EstimatorName, gamma: Double = 0.99, nSteps: Int? = nil, gaeLambda: Double = 0.95,
            episodesPerUpdate: Int = 1, rewardToGo: Bool = true, discountWeighting: Bool = false,
            normalizeAdvantage: Bool? = nil, bootstrapTruncated: Bool = true, epochs: Int = 4, minibatches: Int = 4,
            clip: Double = 0.2, clipSchedule: LearningRateSchedule = .constant, clipValue: Double? = nil,
            targetKL: Double? = nil
        ) {
            self.name = name
            self.gamma = gamma
            self.nSteps = nSteps ?? (name == .ppo ? 128 : 5)
            self.gaeLambda = gaeLambda
            self.episodesPerUpdate = episodesPerUpdate
            self.rewardToGo = rewardToGo
            self.discountWeighting = discountWeighting
            self.normalizeAdvantage = normalizeAdvantage ?? (name == .ppo)
            self.bootstrapTruncated = bootstrapTruncated
            self.epochs = epochs
            self.minibatches = minibatches
            self.clip = clip
            self.clipSchedule = clipSchedule
            self.clipValue = clipValue
            self.targetKL = targetKL
        }
    }

    /// Where bootstrap values come from.
    public enum CriticTarget: String, Sendable, CaseIterable {
        /// The current critic (no gradient flows through the target).
        case stopgrad
        /// A copy of the critic refreshed every `targetUpdate` updates.
        case targetNetwork = "target_network"
    }

    /// `critic:` — the learned V (Q for actor_critic); its architecture is the policy's.
    public struct Critic: Sendable, Equatable {
        public var hidden: [Int]
        public var activation: ActivationFunction
        /// One network, the value head on the policy's last hidden layer (mlp only).
        public var shareTrunk: Bool
        /// Weight of the value loss mean (target − V)².
        public var valueCoef: Double
        public var target: CriticTarget
        /// Updates between target copies (target_network).
        public var targetUpdate: Int

        public init(
            hidden: [Int] = [64, 64], activation: ActivationFunction = .tanh, shareTrunk: Bool = false,
            valueCoef: Double = 0.5, target: CriticTarget = .stopgrad, targetUpdate: Int = 100
        ) {
            self.hidden = hidden
            self.activation = activation
            self.shareTrunk = shareTrunk
            self.valueCoef = valueCoef
            self.target = target
            self.targetUpdate = targetUpdate
        }
    }

    /// `optimizer:`.
    public struct Optimizer: Sendable, Equatable {
        /// Update rule and its hyperparameters.
        public var configuration: OptimizerConfiguration
        public var lr: Double
        public var schedule: LearningRateSchedule
        /// Global gradient-norm clipping threshold over all parameters; nil: no clipping.
        public var maxGradNorm: Double?

        /// `lr` nil: `OptimizerDefaults.learningRate` for the configuration's rule.
        public init(
            configuration: OptimizerConfiguration = .adam(), lr: Double? = nil,
            schedule: LearningRateSchedule = .constant, maxGradNorm: Double? = OptimizerDefaults.maxGradNorm
        ) {
            self.configuration = configuration
            self.lr = lr ?? OptimizerDefaults.learningRate(adam: configuration.isAdam)
            self.schedule = schedule
            self.maxGradNorm = maxGradNorm
        }
    }

    /// How evaluation episodes pick actions.
    public enum EvalPolicy: String, Sendable, CaseIterable {
        /// a ~ π(·|s).
        case sample
        /// argmax_a π(a|s), or the Gaussian's mean.
        case greedy
    }

    /// `training:` — the budget and the evaluation schedule.
    public struct Training: Sendable, Equatable {
        /// Total environment steps, all copies together.
        public var steps: Int
        /// Steps between evaluations.
        public var evalEvery: Int
        public var evalEpisodes: Int
        public var evalPolicy: EvalPolicy
        /// Steps between checkpoints offered to the sink (`TrainingSink.checkpoint`); nil: at
        /// each evaluation. Changes when the state is saved, never what the run computes.
        public var checkpointEvery: Int?

        public init(
            steps: Int, evalEvery: Int? = nil, evalEpisodes: Int = 10, evalPolicy: EvalPolicy = .sample,
            checkpointEvery: Int? = nil
        ) {
            self.steps = steps
            self.evalEvery = evalEvery ?? max(1, steps / 20)
            self.evalEpisodes = evalEpisodes
            self.evalPolicy = evalPolicy
            self.checkpointEvery = checkpointEvery
        }
    }

    /// `diagnostics.gradient_variance:`.
    public struct Diagnostics: Sendable, Equatable {
        /// Steps between measurements (one is also taken at step 0).
        public var every: Int
        /// K, estimates per measurement.
        public var samples: Int
        /// Baselines measured on the same batches as the job's own.
        public var compare: [Baseline]
        /// Where each measured batch starts: clones of the training copies, or fresh episodes.
        public var start: MeasurementStart

        public init(every: Int, samples: Int = 32, compare: [Baseline] = [], start: MeasurementStart = .continue) {
            self.every = every
            self.samples = samples
            self.compare = compare
            self.start = start
        }
    }

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
        environment: Environment, policy: Policy = Policy(), estimator: Estimator, baseline: Baseline = .none,
        critic: Critic? = nil, entropyCoef: Double = 0, optimizer: Optimizer = Optimizer(), training: Training,
        diagnostics: Diagnostics? = nil, seed: UInt64 = 0, baselineDecay: Double = 1
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
    public var hasCritic: Bool {
        estimator.name.needsCritic || baseline == .value
    }
}
