/// One training run on environment copies of type `V`: builds the policy, critic and optimizers, wires
/// the collaborators that own each step (collection, the update rule, evaluation) and answers
/// `TrainerState`. The loop that drives them is `run(sink:measurement:)` in `Trainer.swift`.
/// Generic over `V` so that stepping native copies is statically dispatched; policy and critic
/// calls are batched (one call per vector step).
///
/// Random streams: `.initialization` for the weights (policy then critic), `.environment` index
/// i for training copy i, `.actions` for training actions (and gSDE's exploration matrices), `.evaluation` for evaluation copies
/// (index i) and evaluation actions (index 2³²; with gSDE and sampled evaluation, also the
/// evaluation copies' exploration matrices), `.minibatches` for PPO's shuffles;
/// `.diagnostics` is left to the measurement hook.
final class TrainingSession<V: BatchedEnvironment>: TrainerState {
    let settings: TrainerSettings
    /// The estimator (`settings.estimator.name`'s), which built the collector and update rule.
    let algorithm: any PolicyGradientAlgorithm
    let tabularMDP: TabularMDP?
    /// Where the copies come from (`EnvironmentSupply`).
    let supply: EnvironmentSupply<V>
    let policy: PolicyModel
    let critic: (any Critic)?
    /// With `critic.target: target_network`, the copy refreshed every `target_update` updates.
    let targetCritic: (any Critic)?

    let environments: V
    /// With `environment.normalize`, the training copies' normalizer (the one that learns).
    let normalizer: EnvironmentNormalizer?
    /// The `.actions` stream.
    var actionGenerator: RandomGenerator
    let rollout: Rollout
    let forwarded: ForwardedBatch
    let collector: any BatchCollector<V>
    /// With gSDE, the training copies' exploration matrices (`FixedLengthCollector`).
    let exploration: ExplorationMatrices?
    let term: PolicyGradientTerm
    let step: GradientStep
    let updateRule: any UpdateRule
    let evaluator: Evaluator<V>

    var baselines: RunningBaselines
    /// Whether the optimal baseline's sums are needed (by the job or its diagnostics).
    let tracksOptimalBaseline: Bool
    var stepsDone = 0
    var updatesDone = 0
    var episodesDone = 0
    var metrics = UpdateMetrics()
    /// Stable-Baselines3's `n_updates`: the passes over a batch so far (`UpdateStatistics.updates`).
    var passesDone = 0
    /// The last 100 training episodes, for `UpdateStatistics`' episode means.
    var recentEpisodes = RecentEpisodes()
    var loop = LoopProgress()
    /// Polled inside collection, PPO's epochs and evaluation, so that a stop request ends even
    /// an endless episode or a million-epoch update.
    let stopPoll = StopPoll()
    /// The first fault of the copies a measurement collected from (`collectBatch`).
    var measurementFault: EnvironmentFault?

    init(settings: TrainerSettings, supply: EnvironmentSupply<V>) throws {
        self.settings = settings
        self.tabularMDP = supply.mdp
        self.supply = supply
        let s = settings
        // The rules a configuration must satisfy to be built (`TrainerSettings.rules`).
        try s.requireValid(actionSpace: supply.actionSpace, isTabular: supply.isTabular)
        let algorithm = s.estimator.name.algorithm
        self.algorithm = algorithm
        let isQCritic = algorithm.critic == .actionValue
        let shared = s.hasCritic && s.critic.shareTrunk

        (policy, critic) = Self.makeModels(s, supply: supply, isQCritic: isQCritic, shared: shared)
        targetCritic = critic.flatMap { s.critic.target == .targetNetwork && algorithm.critic != nil ? $0.makeTarget() : nil }
        var buffers = [policy.parameters]
        if let critic, critic.parameters !== policy.parameters { buffers.append(critic.parameters) }
        step = GradientStep(buffers: buffers, optimizer: s.optimizer.configuration, maxGradNorm: s.optimizer.maxGradNorm)

        environments = supply.make(s.environment.numEnvs, s.seed, .environment, stopPoll.sourceWantsStop)
        if let fault = environments.fault { throw TrainerError(fault.description) }
        normalizer = s.environment.normalize.map {
            EnvironmentNormalizer(
                settings: $0, gamma: s.estimator.gamma, observationSize: supply.observationSize,
                numEnvs: s.environment.numEnvs)
        }
        if let normalizer { environments.normalize(with: normalizer) }
        actionGenerator = RandomGenerator(seed: s.seed, stream: .actions)
        rollout = Rollout(
            observationSize: supply.observationSize, actionDimension: policy.actionDimension,
            isContinuous: policy.isContinuous)
        forwarded = ForwardedBatch(policy: policy)
        exploration = policy.makeExplorationMatrices(copies: s.environment.numEnvs, sampleFrequency: s.policy.sdeSampleFreq)
        term = PolicyGradientTerm(forwarded: forwarded, normalizeAdvantage: s.estimator.normalizeAdvantage)
        let parts = TrainingParts<V>(
            settings: s, algorithm: algorithm, policy: policy, critic: critic, targetCritic: targetCritic,
            forwarded: forwarded, term: term, step: step, stopPoll: stopPoll, exploration: exploration)
        collector = algorithm.makeCollector(parts).collector
        updateRule = algorithm.makeUpdateRule(parts).rule
        let evaluationCopies = supply.make(s.training.evalEpisodes, s.seed, .evaluation, stopPoll.sourceWantsStop)
        if let fault = evaluationCopies.fault { throw TrainerError(fault.description) }
        evaluator = Evaluator(environments: evaluationCopies, forwarded: forwarded, stopPoll: stopPoll, settings: s)
        baselines = RunningBaselines(decay: s.baselineDecay)
        if let normalizer {
            evaluator.environments.normalize(with: EnvironmentNormalizer(frozen: normalizer, numEnvs: s.training.evalEpisodes))
        }
        tracksOptimalBaseline = s.baseline == .optimal || (s.diagnostics?.compare.contains(.optimal) ?? false)
    }

    /// The policy and critic, initialized from the `.initialization` stream (policy first).
    private static func makeModels(
        _ s: TrainerSettings, supply: EnvironmentSupply<V>, isQCritic: Bool, shared: Bool
    ) -> (PolicyModel, (any Critic)?) {
        var initialization = RandomGenerator(seed: s.seed, stream: .initialization)
        let architecture = s.policy.architecture, activation = s.policy.activation
        let observationSize = supply.observationSize
        let critic = { (outputs: Int, generator: inout RandomGenerator) -> (any Critic)? in
            s.hasCritic
                ? architecture.makeCritic(
                    observationSize: observationSize, outputs: outputs, hidden: s.critic.hidden,
                    activation: s.critic.activation, initialization: s.policy.initialization, using: &generator)
                : nil
        }
        switch supply.actionSpace {
        case .discrete(let actions):
            let outputs = isQCritic ? actions : 1
            if shared {
                let pair = SharedTrunk.discrete(
                    observationSize: observationSize, hidden: s.policy.hidden, activation: activation, actions: actions,
                    valueOutputs: outputs, initialization: s.policy.initialization ?? .orthogonal, using: &initialization)
                return (.discrete(pair.policy), pair.critic)
            }
            let policy = architecture.makeDiscretePolicy(
                observationSize: observationSize, actions: actions, hidden: s.policy.hidden, activation: activation,
                initialization: s.policy.initialization, using: &initialization)
            return (.discrete(policy), critic(outputs, &initialization))
        case .continuous(let dimension, _, _):
            if shared {
                let pair = SharedTrunk.gaussian(
                    observationSize: observationSize, hidden: s.policy.hidden, activation: activation,
                    actionSize: dimension, logStdInit: Float(s.policy.logStdInit),
                    initialization: s.policy.initialization ?? .orthogonal, stateDependent: s.policy.sde,
                    using: &initialization)
                return (.gaussian(pair.policy), pair.critic)
            }
            let policy = architecture.makeGaussianPolicy(
                observationSize: observationSize, actionSize: dimension, hidden: s.policy.hidden,
                activation: activation, initialization: s.policy.initialization,
                logStdInit: Float(s.policy.logStdInit), stateDependent: s.policy.sde, using: &initialization)
            return (.gaussian(policy), critic(1, &initialization))
        }
    }

    /// Distinct parameter buffers (policy first), one optimizer each.
    var buffers: [ParameterBuffer] { step.buffers }
    var optimizers: [any Optimizer] { step.optimizers }

    // MARK: One batch, one update

    /// Collects one batch into `batch` from `vector`; returns the environment steps taken.
    func collect(_ vector: V, _ generator: inout RandomGenerator, _ batch: Rollout) -> Int {
        let steps = collector.collect(vector, &generator, into: batch)
        forwarded.collected(batch)
        return steps
    }

    /// The learning rate of the update after `stepsDone` steps: Stable-Baselines3's
    /// progress-remaining schedule, taken after the batch was collected and floored at 0.
    var learningRate: Float {
        let lr = settings.optimizer.schedule.learningRate(
            base: Float(settings.optimizer.lr), stepsDone: stepsDone, totalSteps: settings.training.steps)
        return Swift.max(lr, 0)
    }

    /// One update from `batch`: the baselines' statistics from earlier updates only, the
    /// estimator's update rule, then the running baselines and the target network.
    /// Returns false when the run has diverged.
    func update(_ batch: Rollout) -> Bool {
        let lr = learningRate
        let choice = resolvedBaseline(settings.baseline)
        if tracksOptimalBaseline { term.addOptimalBaselineStatistics(batch, to: &baselines) }
        guard updateRule.update(batch, baseline: choice, learningRate: lr, stepsDone: stepsDone, metrics: &metrics) else {
            return false
        }
        baselines.addQEstimates(batch.qEstimates)
        updatesDone += 1
        passesDone += updateRule.statistics.updates
        recentEpisodes.add(returns: batch.finishedReturns, lengths: batch.finishedLengths)
        if let targetCritic, let critic, updatesDone % settings.critic.targetUpdate == 0 {
            targetCritic.copyParameters(from: critic)
        }
        forwarded.invalidate()
        return true
    }

    /// The latest update's statistics with the run's counters and episode means: the row
    /// `updates.csv` records for it.
    var updateStatistics: UpdateStatistics {
        var statistics = updateRule.statistics
        statistics.step = stepsDone
        statistics.updates = passesDone
        statistics.episodeReturnMean = recentEpisodes.returnMean
        statistics.episodeLengthMean = recentEpisodes.lengthMean
        return statistics
    }

    // MARK: TrainerState

    var meanBaseline: Float { baselines.mean }
    var optimalBaseline: Float { baselines.optimal }

    func resolvedBaseline(_ kind: Baseline) -> ResolvedBaseline {
        baselines.resolve(kind, hasCritic: critic != nil)
    }

    func makeBatchEnvironments(seed: UInt64, stream: RandomStream) -> BatchEnvironments {
        let vector = supply.make(environments.numEnvs, seed, stream, stopPoll.sourceWantsStop)
        // Diagnostics see what training sees, with the statistics frozen.
        if let normalizer { vector.normalize(with: EnvironmentNormalizer(frozen: normalizer, numEnvs: vector.numEnvs)) }
        return TypedBatchEnvironments(vector)
    }

    func makeRollout() -> Rollout {
        Rollout(
            observationSize: supply.observationSize, actionDimension: policy.actionDimension,
            isContinuous: policy.isContinuous)
    }

    func collectBatch(
        from environments: BatchEnvironments, start: MeasurementStart, actionGenerator: inout RandomGenerator,
        into batch: Rollout
    ) {
        guard let typed = environments as? TypedBatchEnvironments<V> else {
            preconditionFailure("environments made by another training run")
        }
        if start == .continue && algorithm.batches == .fixedLength {
            typed.vector.cloneCopies(from: self.environments)
        } else {
            typed.vector.reset()
        }
        _ = collect(typed.vector, &actionGenerator, batch)
        if measurementFault == nil, let fault = typed.vector.fault { measurementFault = fault }
    }

    func accumulatePolicyGradient(_ batch: Rollout, baseline: ResolvedBaseline, scale: Float) {
        // After a stop the batch is an abandoned one: measuring it would only delay the stop.
        guard !stopPoll.isStopped else { return }
        term.accumulate(batch, baseline: baseline, scale: scale, entropyCoefficient: 0)
    }

    func accumulatePolicyGradient(_ batch: Rollout, advantages: UnsafePointer<Double>, scale: Float) {
        guard !stopPoll.isStopped else { return }
        term.accumulate(batch, advantages: advantages, scale: scale)
    }

    func policyGradient(_ batch: Rollout, baseline: ResolvedBaseline) -> [Float] {
        let buffer = policy.parameters
        buffer.zeroGradient()
        if !stopPoll.isStopped { term.accumulate(batch, baseline: baseline, scale: 1, entropyCoefficient: 0) }
        let g = buffer.gradientArray
        buffer.zeroGradient()
        return g
    }
}
