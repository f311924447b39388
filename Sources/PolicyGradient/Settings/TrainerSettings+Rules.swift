/// The rules that tie settings together, in one list: validation reports each violation at
/// its key in the experiment file, and the trainer fails a job that breaks any.
extension TrainerSettings {
    /// Every rule, in the order violations are reported.
    public static let rules: [SettingsRule] = [
        SettingsRule("counts-at-least-one") { s, _ in
            let counts: [([String], Int)] = [
                (["environment", "num_envs"], s.environment.numEnvs),
                (["training", "steps"], s.training.steps),
                (["training", "eval_every"], s.training.evalEvery),
                (["training", "eval_episodes"], s.training.evalEpisodes),
                (["estimator", "n_steps"], s.estimator.nSteps),
                (["estimator", "episodes_per_update"], s.estimator.episodesPerUpdate),
                (["estimator", "epochs"], s.estimator.epochs),
                (["estimator", "minibatches"], s.estimator.minibatches),
            ]
            return counts.filter { $0.1 < 1 }.map { (keys: $0.0, index: nil, message: "must be at least 1") }
        },
        SettingsRule("tabular-policy-needs-tabular-environment") { s, environment in
            guard s.policy.architecture == .tabular && !environment.isTabular else { return [] }
            return [(["policy", "architecture"], nil,
                     "a tabular policy needs a tabular environment (Chain, Bandit, RandomMDP or Tabular), not \(environment.name)")]
        },
        SettingsRule("actor-critic-needs-discrete-actions") { s, environment in
            guard s.estimator.name.algorithm.critic == .actionValue && environment.hasContinuousActions else { return [] }
            return [(["estimator", "name"], nil,
                     "\(s.estimator.name) learns Q(s, a) over discrete actions; \(environment.name) has continuous actions")]
        },
        SettingsRule("normalized-observations-need-a-network") { s, _ in
            // A tabular policy reads the state from the one-hot observation, which standardizing destroys.
            guard s.environment.normalize?.observations == true && s.policy.architecture == .tabular else { return [] }
            return [(["environment", "normalize"], nil,
                     "a tabular policy reads the one-hot state: set normalize.observations to false, or use a linear or mlp policy")]
        },
        SettingsRule("sde-needs-continuous-actions") { s, environment in
            guard s.policy.sde && !environment.hasContinuousActions else { return [] }
            return [(["policy", "sde"], nil,
                     "state-dependent exploration perturbs a Gaussian policy's actions; \(environment.name) has discrete actions")]
        },
        SettingsRule("sde-needs-fixed-length-rollouts") { s, _ in
            // gSDE's schedule (a new exploration matrix per rollout, or every sde_sample_freq
            // steps of it) is defined over fixed-length rollouts.
            guard s.policy.sde && s.estimator.name.algorithm.batches == .wholeEpisodes else { return [] }
            return [(["policy", "sde"], nil,
                     "state-dependent exploration needs fixed-length rollouts (a2c, gae or ppo), not \(s.estimator.name)'s whole episodes")]
        },
        SettingsRule("sde-without-diagnostics") { s, _ in
            // The meter's batches would draw exploration matrices from the training run's.
            guard s.policy.sde && s.diagnostics != nil else { return [] }
            return [(["diagnostics", "gradient_variance"], nil,
                     "the gradient diagnostics measure plain Gaussian exploration; turn off policy.sde or the diagnostics")]
        },
        SettingsRule("share-trunk-needs-mlp") { s, _ in
            guard s.critic.shareTrunk && s.hasCritic && s.policy.architecture != .mlp else { return [] }
            return [(["critic", "share_trunk"], nil, "share_trunk needs an mlp policy")]
        },
        SettingsRule("baseline-decay-in-range") { s, _ in
            guard !(s.baselineDecay > 0 && s.baselineDecay <= 1) else { return [] }
            return [(["baseline_decay"], nil, "is \(s.baselineDecay), must be in (0, 1]")]
        },
        SettingsRule("value-comparison-needs-critic") { s, _ in
            // Diagnostics never add a critic (it would change training through the clipping norm).
            guard !s.hasCritic, let i = s.diagnostics?.compare.firstIndex(of: .value) else { return [] }
            return [(["diagnostics", "gradient_variance", "compare"], i,
                     "a 'value' comparison needs a critic; this job has none (estimator \(s.estimator.name.rawValue), baseline \(s.baseline.rawValue))")]
        },
        SettingsRule("budget-holds-one-update") { s, _ in
            guard s.estimator.name.algorithm.batches == .fixedLength, s.training.steps < s.rolloutBatchSize else { return [] }
            return [(["training", "steps"], nil,
                     "is smaller than one update (num_envs x n_steps = \(s.rolloutBatchSize) steps)")]
        },
        SettingsRule("minibatches-fit-the-batch") { s, _ in
            guard s.estimator.name.algorithm.estimatorKeys.contains("minibatches"),
                s.estimator.minibatches > s.rolloutBatchSize
            else { return [] }
            return [(["estimator", "minibatches"], nil,
                     "exceeds the batch size (num_envs x n_steps = \(s.rolloutBatchSize))")]
        },
    ]

    /// Environment steps per update of the fixed-length estimators: num_envs × n_steps.
    var rolloutBatchSize: Int {
        let (size, overflow) = environment.numEnvs.multipliedReportingOverflow(by: estimator.nSteps)
        return overflow ? .max : size
    }

    /// The violations of every rule on `environment`, in the rules' order; empty when the
    /// trainer can run these settings. `environment.source` is not consulted.
    public func violations(on environment: EnvironmentTraits) -> [SettingsViolation] {
        Self.rules.flatMap { $0.violations(of: self, on: environment) }
    }

    /// Throws a `TrainerError` naming the first violated rule's setting when these settings
    /// cannot run on the environment built from `environment.source`, whose copies have
    /// `actionSpace` and are a finite MDP when `isTabular`.
    func requireValid(actionSpace: ActionSpace, isTabular: Bool) throws {
        let continuous = if case .continuous = actionSpace { true } else { false }
        let traits = switch environment.source {
        case .registered(let id, _): EnvironmentTraits(name: id, isTabular: isTabular, hasContinuousActions: continuous)
        case .tabular: EnvironmentTraits(name: "a tabular MDP", isTabular: true, hasContinuousActions: continuous)
        case .external(let external):
            EnvironmentTraits(name: external.id, isTabular: false, hasContinuousActions: continuous)
        }
        if let violation = violations(on: traits).first { throw TrainerError(violation.description) }
    }
}
