import PolicyGradient

extension JobConfig {
    /// The trainer's settings for this job: the resolved settings sections and the seed.
    ///
    /// Most sections are the core's own settings types already; only the optimizer (flat keys
    /// in the file, an `OptimizerConfiguration` for the core) is mapped. The environment is its
    /// registry id with its resolved params, built by the trainer through the descriptor, or
    /// the environment a backend steps.
    public func trainerSettings() throws -> TrainerSettings {
        settings.trainerSettings(source: settings.environment.source, seed: UInt64(seed))
    }
}

extension JobSettings {
    /// The trainer's settings with the environment `source` (built from `environment`) and `seed`.
    func trainerSettings(source: TrainerSettings.EnvironmentSource, seed: UInt64) -> TrainerSettings {
        let s = self
        let o = s.optimizer
        let configuration: OptimizerConfiguration
        switch o.name {
        case .sgd: configuration = .sgd(momentum: Float(o.momentum))
        case .adam: configuration = .adam(beta1: Float(o.beta1), beta2: Float(o.beta2), eps: Float(o.eps))
        case .rmsprop: configuration = .rmsprop(alpha: Float(o.alpha), eps: Float(o.eps))
        }
        return TrainerSettings(
            environment: .init(
                source: source, numEnvs: s.environment.numEnvs, maxEpisodeSteps: s.environment.maxEpisodeSteps,
                normalize: s.environment.normalize),
            policy: s.policy, estimator: s.estimator, baseline: s.baseline, critic: s.critic,
            entropyCoef: s.entropyCoef,
            optimizer: .init(configuration: configuration, lr: o.lr, schedule: o.schedule, maxGradNorm: o.maxGradNorm),
            training: s.training, diagnostics: s.diagnostics.gradientVariance,
            seed: seed, baselineDecay: s.baselineDecay ?? TrainerSettings.defaultBaselineDecay)
    }
}
