/// A run's trained policy, saved (`SavedPolicy`) and evaluated again.
extension TrainingSession {
    func savedPolicy() -> SavedPolicy {
        let environment = switch settings.environment.source {
        case .registered(let id, _): supply.isTabular ? "tabular" : id
        case .tabular: "tabular"
        case .external(let external): external.id
        }
        let actions = switch supply.actionSpace {
        case .discrete(let n): "discrete \(n)"
        case .continuous(let dimension, _, _): "continuous \(dimension)"
        }
        let p = settings.policy
        let architecture = p.architecture == .mlp
            ? "mlp \(p.hidden) \(p.activation.rawValue)" : p.architecture.rawValue
        return SavedPolicy(
            format: SavedPolicy.currentFormat, environment: environment, observationSize: supply.observationSize,
            actions: actions, architecture: architecture, parameters: policy.parameters.parameterArray,
            normalization: normalizer?.learnedState, finalEvaluation: evaluator.lastStart)
    }

    func evaluate(_ saved: SavedPolicy, replay: Bool) throws -> (mean: Double, std: Double) {
        let mismatch = TrainerError("policy.json does not match the job's configuration")
        guard saved.parameters.count == policy.parameters.count, (saved.normalization == nil) == (normalizer == nil)
        else { throw mismatch }
        policy.parameters.parameterArray = saved.parameters
        if let normalizer, let state = saved.normalization { try normalizer.restore(state) }
        if replay {
            guard let start = saved.finalEvaluation else {
                guard evaluator.environments.savedCopies() != nil else {
                    throw TrainerError(
                        "the final evaluation of an environment stepped in another process cannot be replayed "
                            + "(its copies' states are not kept): give --seed to evaluate on fresh episodes")
                }
                throw TrainerError("policy.json holds no final evaluation to replay")
            }
            try evaluator.environments.restoreCopies(start.copies)
            evaluator.generator = try start.generator.generator()
        }
        forwarded.invalidate()
        return evaluator.evaluate()
    }
}

extension Trainer {
    /// Evaluates a saved policy with the job's `settings`. With `seed` nil and the job's own
    /// number of episodes, the final evaluation is replayed from its recorded random state (the
    /// same returns as the curve's last row); otherwise the evaluation streams of `seed` (the
    /// job's seed when nil) are used, as a run's first evaluation. Throws `TrainerError`.
    public static func evaluate(
        _ saved: SavedPolicy, settings: TrainerSettings, episodes: Int? = nil, seed: UInt64? = nil,
        policy: TrainerSettings.EvalPolicy? = nil
    ) throws -> (mean: Double, std: Double) {
        var s = settings
        let replay = seed == nil && (episodes == nil || episodes == settings.training.evalEpisodes)
        if let episodes { s.training.evalEpisodes = episodes }
        if let seed { s.seed = seed }
        if let policy { s.training.evalPolicy = policy }
        return try makeSession(s).evaluate(saved, replay: replay)
    }
}

extension TrainingSession {
    func episodes(_ saved: SavedPolicy, count: Int, greedy: Bool, seed: UInt64) throws -> [PolicyEpisode] {
        guard saved.parameters.count == policy.parameters.count, (saved.normalization == nil) == (normalizer == nil)
        else { throw TrainerError("policy.json does not match the job's configuration") }
        policy.parameters.parameterArray = saved.parameters
        if let normalizer, let state = saved.normalization { try normalizer.restore(state) }
        let vector = supply.make(1, seed, .evaluation, stopPoll.sourceWantsStop)
        if let fault = vector.fault { throw TrainerError(fault.description) }
        if let normalizer { vector.normalize(with: EnvironmentNormalizer(frozen: normalizer, numEnvs: 1)) }
        // Reset once more, as `Evaluator.evaluate` does: the episodes are an evaluation's with this seed.
        vector.reset()
        guard let firstState = vector.state(ofCopy: 0) else {
            throw TrainerError(
                "the states of an environment stepped in another process cannot be read, so its episodes cannot be traced")
        }
        var generator = RandomGenerator(seed: seed, stream: .evaluation, index: 1 << 32)
        let width = policy.actionDimension
        let action = ScratchBuffer<Int>(zero: 0)
        let continuous = ScratchBuffer<Float>(capacity: width, zero: 0)
        var episodes: [PolicyEpisode] = []
        var current = PolicyEpisode(state: firstState, actions: [])
        // gSDE: a matrix drawn at the start and every sde_sample_freq steps, as in an evaluation.
        let exploration = greedy ? nil : policy.makeExplorationMatrices(
            copies: 1, sampleFrequency: settings.policy.sdeSampleFreq)
        let actor = ActorStep(policy: policy, exploration: exploration, greedy: greedy)
        let record = ActorStep.Record(
            observations: nil, actions: action.pointer, continuousActions: continuous.pointer, logProbs: nil)
        var t = 0
        while episodes.count < count {
            actor.take(vector, step: t, row: 0, generator: &generator, record: record)
            t += 1
            if policy.isContinuous {
                current.actions.append(continuous.view(width).map(Double.init))
            } else {
                current.actions.append([Double(action[0])])
            }
            if vector.finishedEpisodes.count > 0 {
                episodes.append(current)
                current = PolicyEpisode(state: vector.state(ofCopy: 0) ?? [], actions: [])
            }
        }
        forwarded.invalidate()
        return episodes
    }
}

extension Trainer {
    /// `count` episodes of a saved policy acting on its own (with its normalization, frozen),
    /// from the evaluation streams of `seed`; `greedy` takes the most probable action.
    public static func episodes(
        _ saved: SavedPolicy, settings: TrainerSettings, count: Int, greedy: Bool, seed: UInt64
    ) throws -> [PolicyEpisode] {
        try makeSession(settings).episodes(saved, count: count, greedy: greedy, seed: seed)
    }
}
