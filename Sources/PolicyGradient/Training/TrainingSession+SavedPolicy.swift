/// A run's trained policy, saved (`SavedPolicy`) and evaluated again.
extension TrainingSession {
    func savedPolicy() -> SavedPolicy {
        let environment = switch settings.environment.source {
        case .registered(let id, _): supply.isTabular ? "tabular" : id
        case .tabular: "tabular"
        case .external(let external): external.id
        }
        var actions = "", low: [Double]?, high: [Double]?
        switch supply.actionSpace {
        case .discrete(let n):
            actions = "discrete \(n)"
        case .continuous(let dimension, let lowest, let highest):
            (actions, low, high) = ("continuous \(dimension)", lowest, highest)
        }
        let p = settings.policy
        let architecture = p.architecture == .mlp
            ? "mlp \(p.hidden) \(p.activation.rawValue)" : p.architecture.rawValue
        var saved = SavedPolicy(
            environment: environment, observationSize: supply.observationSize, actions: actions,
            architecture: architecture, actionHead: actionHead, actionLow: low, actionHigh: high,
            parameters: policy.parameters.parameterArray, layout: policyLayout, critic: savedCritic,
            normalization: normalizer?.learnedState,
            normalizationSettings: settings.environment.normalize.map {
                NormalizationSettings($0, gamma: settings.estimator.gamma)
            })
        saved.finalEvaluation = evaluator.lastStart
        return saved
    }

    /// `categorical`, `gaussian` or `gaussian_sde`.
    private var actionHead: String {
        switch policy {
        case .discrete: "categorical"
        case .gaussian(let p): p.isStateDependent ? "gaussian_sde" : "gaussian"
        }
    }

    /// The tensors of the policy's buffer in order (with a shared trunk, the value head's too).
    private var policyLayout: [ParameterTensor] {
        var tensors: [ParameterTensor]
        switch policy {
        case .discrete(let p as NetworkPolicy):
            tensors = ParameterTensor.layers(of: p.network, head: "pi")
        case .discrete(let p):
            tensors = [ParameterTensor(name: "table", offset: 0, shape: [p.observationSize, p.actionCount])]
        case .gaussian(let p):
            tensors = ParameterTensor.layers(of: p.network, head: "pi")
            let shape = p.isStateDependent ? [p.featureSize, p.actionSize] : [p.actionSize]
            tensors.append(ParameterTensor(name: "log_std", offset: p.logStdOffset, shape: shape))
        }
        if let critic = critic as? NetworkCritic, critic.parameters === policy.parameters {
            tensors += ParameterTensor.layers(of: critic.network.head, prefix: "vf")
        }
        return tensors.sorted { $0.offset < $1.offset }
    }

    /// The critic as policy.json keeps it: its own parameters, or a pointer to the shared trunk.
    private var savedCritic: SavedCritic? {
        guard let critic else { return nil }
        let shares = critic.parameters === policy.parameters
        let c = settings.critic
        let architecture = settings.policy.architecture == .mlp
            ? "mlp \(shares ? settings.policy.hidden : c.hidden) "
                + "\((shares ? settings.policy.activation : c.activation).rawValue)"
            : settings.policy.architecture.rawValue
        let layout: [ParameterTensor]
        switch critic {
        case _ where shares: layout = []
        case let network as NetworkCritic: layout = ParameterTensor.layers(of: network.network, head: "vf")
        default: layout = [ParameterTensor(name: "table", offset: 0, shape: [critic.observationSize, critic.outputCount])]
        }
        return SavedCritic(
            architecture: architecture, outputs: critic.outputCount, sharesTrunk: shares,
            parameters: shares ? [] : critic.parameters.parameterArray, layout: layout)
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

extension TrainingSession {
    func responses(_ saved: SavedPolicy, to observations: [[Float]]) throws -> [PolicyResponse] {
        let mismatch = TrainerError("policy.json does not match the job's configuration")
        guard saved.parameters.count == policy.parameters.count, (saved.normalization == nil) == (normalizer == nil)
        else { throw mismatch }
        policy.parameters.parameterArray = saved.parameters
        if let critic, let own = saved.critic?.parameters, !own.isEmpty {
            guard own.count == critic.parameters.count else { throw mismatch }
            critic.parameters.parameterArray = own
        }
        if let normalizer, let state = saved.normalization { try normalizer.restore(state) }
        let size = supply.observationSize
        guard observations.allSatisfy({ $0.count == size }) else {
            throw TrainerError("an observation of this policy has \(size) components")
        }
        var responses: [PolicyResponse] = []
        let input = ScratchBuffer<Float>(capacity: size, zero: 0)
        for observation in observations {
            input.pointer.update(from: observation, count: size)
            normalizer?.standardize(input.pointer, rows: 1, size: size)
            policy.forward(input.pointer, count: 1, row: 0)
            let action: [Float] = switch policy {
            case .discrete(let p): [Float(p.greedyAction(row: 0))]
            case .gaussian(let p): Array(UnsafeBufferPointer(start: p.mean(row: 0), count: p.actionSize))
            }
            var values: [Float] = []
            if let critic {
                critic.forward(input.pointer, count: 1, row: 0)
                values = Array(UnsafeBufferPointer(start: critic.output(row: 0), count: critic.outputCount))
            }
            responses.append(PolicyResponse(
                observation: Array(UnsafeBufferPointer(start: input.pointer, count: size)), greedyAction: action,
                values: values))
        }
        forwarded.invalidate()
        return responses
    }
}

extension Trainer {
    /// The greedy actions and critic values of a saved policy for raw `observations` (each of
    /// the environment's observation length), normalized with its saved statistics, frozen.
    /// Throws `TrainerError` when the policy does not match `settings`.
    public static func responses(
        _ saved: SavedPolicy, settings: TrainerSettings, to observations: [[Float]]
    ) throws -> [PolicyResponse] {
        try makeSession(settings).responses(saved, to: observations)
    }
}
