import PolicyGradient

extension JobConfig {
    /// The trainer's settings for this job: the resolved settings sections and the seed.
    ///
    /// Tabular environments (`Chain`, `Bandit`, `RandomMDP`, `Tabular`) are built into their
    /// `TabularMDP` here; the classic-control ones are named by registry id.
    public func trainerSettings() throws -> TrainerSettings {
        let s = settings
        let source: TrainerSettings.EnvironmentSource
        if let mdp = try s.environment.tabularMDP() {
            source = .tabular(mdp)
        } else {
            source = .classic(id: s.environment.id.rawValue)
        }
        let e = s.estimator
        let o = s.optimizer
        let configuration: OptimizerConfiguration
        switch o.name {
        case .sgd: configuration = .sgd(momentum: Float(o.momentum))
        case .adam: configuration = .adam(beta1: Float(o.beta1), beta2: Float(o.beta2), eps: Float(o.eps))
        case .rmsprop: configuration = .rmsprop(alpha: Float(o.alpha), eps: Float(o.eps))
        }
        return TrainerSettings(
            environment: .init(source: source, numEnvs: s.environment.numEnvs, maxEpisodeSteps: s.environment.maxEpisodeSteps),
            policy: .init(
                architecture: ModelArchitecture(rawValue: s.policy.architecture.rawValue)!,
                hidden: s.policy.hidden,
                activation: ActivationFunction(rawValue: s.policy.activation.rawValue)!,
                initialization: WeightInitialization(rawValue: s.policy.initialization.rawValue)!,
                logStdInit: s.policy.logStdInit),
            estimator: .init(
                name: TrainerSettings.EstimatorName(rawValue: e.name.rawValue)!, gamma: e.gamma, nSteps: e.nSteps,
                gaeLambda: e.gaeLambda, episodesPerUpdate: e.episodesPerUpdate, rewardToGo: e.rewardToGo,
                discountWeighting: e.discountWeighting, normalizeAdvantage: e.normalizeAdvantage,
                bootstrapTruncated: e.bootstrapTruncated, epochs: e.epochs, minibatches: e.minibatches, clip: e.clip),
            baseline: TrainerSettings.BaselineKind(rawValue: s.baseline.rawValue)!,
            critic: .init(
                hidden: s.critic.hidden, activation: ActivationFunction(rawValue: s.critic.activation.rawValue)!,
                shareTrunk: s.critic.shareTrunk, valueCoef: s.critic.valueCoef,
                target: TrainerSettings.CriticTarget(rawValue: s.critic.target.rawValue)!,
                targetUpdate: s.critic.targetUpdate),
            entropyCoef: s.entropyCoef,
            optimizer: .init(
                configuration: configuration, lr: o.lr,
                schedule: LearningRateSchedule(rawValue: o.schedule.rawValue)!, maxGradNorm: o.maxGradNorm),
            training: .init(
                steps: s.training.steps, evalEvery: s.training.evalEvery, evalEpisodes: s.training.evalEpisodes,
                evalPolicy: TrainerSettings.EvalPolicy(rawValue: s.training.evalPolicy.rawValue)!),
            diagnostics: s.diagnostics.gradientVariance.map {
                .init(every: $0.every, samples: $0.samples,
                      compare: $0.compare.map { TrainerSettings.BaselineKind(rawValue: $0.rawValue)! })
            },
            seed: UInt64(seed))
    }
}
