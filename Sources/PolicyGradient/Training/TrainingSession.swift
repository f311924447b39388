import Foundation

/// Typed environment copies behind `BatchEnvironments`.
final class TypedBatchEnvironments<E: Environment>: BatchEnvironments {
    let vector: VectorEnvironment<E>
    init(_ vector: VectorEnvironment<E>) {
        self.vector = vector
        super.init(numEnvs: vector.numEnvs)
    }
}

/// One training run on environment type `E`: the components, the batch collection, the
/// estimators' bookkeeping and the update. Generic over `E` so that stepping the copies is
/// statically dispatched; policy and critic calls are batched (one call per vector step).
final class TrainingSession<E: Environment>: TrainerState {
    let settings: TrainerSettings
    let tabularMDP: TabularMDP?
    let prototype: E
    let numEnvs: Int
    let observationSize: Int
    let isContinuous: Bool
    /// Actions (discrete) or the action dimension (continuous).
    let actionWidth: Int
    let policy: PolicyModel
    let critic: (any Critic)?
    /// Whether the critic is Q(s, ·) (actor_critic) rather than V(s).
    let isQCritic: Bool
    var targetCritic: (any Critic)?
    /// Distinct parameter buffers (policy first) and one optimizer each.
    let buffers: [ParameterBuffer]
    let optimizers: [any Optimizer]

    let environments: VectorEnvironment<E>
    let evaluationEnvironments: VectorEnvironment<E>
    var actionGenerator: RandomGenerator
    var evaluationGenerator: RandomGenerator
    var minibatchGenerator: RandomGenerator
    let rollout: Rollout

    var baselines = RunningBaselines()
    let tracksOptimalBaseline: Bool
    var stepsDone = 0
    var updatesDone = 0
    var episodesDone = 0
    /// Generation of the batch whose forward pass the policy's rows 0..<count hold (−1: none).
    var forwardedGeneration = -1
    var generationCounter = 0
    /// Polled inside collection, PPO's epochs and evaluation, so that a stop request ends even
    /// an endless episode or a million-epoch update.
    let stopPoll = StopPoll()

    // Latest update's metrics (NaN before any).
    var lastEntropy = Double.nan
    var lastPolicyLoss = Double.nan
    var lastValueLoss = Double.nan

    // Scratch, reused across updates.
    let coefficients = ScratchBuffer<Float>(zero: 0)
    let advantageScratch = ScratchBuffer<Float>(zero: 0)
    let gradientX = ScratchBuffer<Float>(zero: 0)
    let gradientY = ScratchBuffer<Float>(zero: 0)
    let stageObservations = ScratchBuffer<Float>(zero: 0)
    let stageActions = ScratchBuffer<Int>(zero: 0)
    let stageContinuous = ScratchBuffer<Float>(zero: 0)
    let stageRewards = ScratchBuffer<Float>(zero: 0)
    let episodeStarts = ScratchBuffer<Int>(zero: 0)
    /// REINFORCE: episodes each copy still has to contribute to the batch.
    let episodeQuotas = ScratchBuffer<Int>(zero: 0)
    var stagedEpisodes: [(copy: Int, start: Int, end: Int, terminated: Bool)] = []
    let permutation = ScratchBuffer<Int>(zero: 0)
    let minibatchObservations = ScratchBuffer<Float>(zero: 0)
    let minibatchActions = ScratchBuffer<Int>(zero: 0)
    let minibatchContinuous = ScratchBuffer<Float>(zero: 0)
    let minibatchOldLogProbs = ScratchBuffer<Float>(zero: 0)
    let minibatchNewLogProbs = ScratchBuffer<Float>(zero: 0)
    let minibatchAdvantages = ScratchBuffer<Float>(zero: 0)
    let minibatchTargets = ScratchBuffer<Float>(zero: 0)
    let evaluationActions = ScratchBuffer<Int>(zero: 0)
    let evaluationContinuous = ScratchBuffer<Float>(zero: 0)
    let evaluationDone = ScratchBuffer<Bool>(zero: false)
    let evaluationReturns = ScratchBuffer<Double>(zero: 0)

    init(settings: TrainerSettings, prototype: E, mdp: TabularMDP?) throws {
        self.settings = settings
        self.tabularMDP = mdp
        self.prototype = prototype
        let s = settings
        try s.requireValid(on: prototype)
        numEnvs = s.environment.numEnvs
        observationSize = prototype.observationSize
        let hasCritic = s.hasCritic
        isQCritic = s.estimator.name == .actorCritic
        var initialization = RandomGenerator(seed: s.seed, stream: .initialization)
        let architecture = s.policy.architecture
        let shared = hasCritic && s.critic.shareTrunk
        let activation = s.policy.activation
        switch prototype.actionSpace {
        case .discrete(let actions):
            isContinuous = false
            actionWidth = actions
            let outputs = isQCritic ? actions : 1
            if shared {
                let pair = SharedTrunk.discrete(
                    observationSize: observationSize, hidden: s.policy.hidden, activation: activation, actions: actions,
                    valueOutputs: outputs, initialization: s.policy.initialization ?? .orthogonal, using: &initialization)
                policy = .discrete(pair.policy)
                critic = pair.critic
            } else {
                policy = .discrete(architecture.makeDiscretePolicy(
                    observationSize: observationSize, actions: actions, hidden: s.policy.hidden, activation: activation,
                    initialization: s.policy.initialization, using: &initialization))
                critic = hasCritic
                    ? architecture.makeCritic(
                        observationSize: observationSize, outputs: outputs, hidden: s.critic.hidden,
                        activation: s.critic.activation, initialization: s.policy.initialization, using: &initialization)
                    : nil
            }
        case .continuous(let dimension, _, _):
            isContinuous = true
            actionWidth = dimension
            if shared {
                let pair = SharedTrunk.gaussian(
                    observationSize: observationSize, hidden: s.policy.hidden, activation: activation,
                    actionSize: dimension, logStdInit: Float(s.policy.logStdInit),
                    initialization: s.policy.initialization ?? .orthogonal, using: &initialization)
                policy = .gaussian(pair.policy)
                critic = pair.critic
            } else {
                policy = .gaussian(architecture.makeGaussianPolicy(
                    observationSize: observationSize, actionSize: dimension, hidden: s.policy.hidden,
                    activation: activation, initialization: s.policy.initialization,
                    logStdInit: Float(s.policy.logStdInit), using: &initialization))
                critic = hasCritic
                    ? architecture.makeCritic(
                        observationSize: observationSize, outputs: 1, hidden: s.critic.hidden,
                        activation: s.critic.activation, initialization: s.policy.initialization, using: &initialization)
                    : nil
            }
        }
        if let critic, s.critic.target == .targetNetwork, s.estimator.name.needsCritic {
            targetCritic = critic.makeTarget()
        }
        var distinct = [policy.parameters]
        if let critic, critic.parameters !== policy.parameters { distinct.append(critic.parameters) }
        buffers = distinct
        let configuration = s.optimizer.configuration
        optimizers = distinct.map { configuration.makeOptimizer(count: $0.count) }
        environments = VectorEnvironment(prototype, numEnvs: numEnvs, seed: s.seed, stream: .environment)
        evaluationEnvironments = VectorEnvironment(
            prototype, numEnvs: s.training.evalEpisodes, seed: s.seed, stream: .evaluation)
        actionGenerator = RandomGenerator(seed: s.seed, stream: .actions)
        evaluationGenerator = RandomGenerator(seed: s.seed, stream: .evaluation, index: 1 << 32)
        minibatchGenerator = RandomGenerator(seed: s.seed, stream: .minibatches)
        rollout = Rollout(
            observationSize: observationSize, actionDimension: isContinuous ? actionWidth : 1,
            isContinuous: isContinuous)
        tracksOptimalBaseline = s.baseline == .optimal || (s.diagnostics?.compare.contains(.optimal) ?? false)
    }

    // MARK: TrainerState

    var meanBaseline: Float { baselines.mean }
    var optimalBaseline: Float { baselines.optimal }

    func baselineChoice(_ kind: TrainerSettings.BaselineKind) -> BaselineChoice {
        switch kind {
        case .none: return .none
        case .mean: return .constant(baselines.mean)
        case .optimal: return .constant(baselines.optimal)
        case .value:
            precondition(critic != nil, "the value baseline needs a critic")
            return .value
        }
    }

    func makeBatchEnvironments(seed: UInt64, stream: RandomStream) -> BatchEnvironments {
        TypedBatchEnvironments(VectorEnvironment(prototype, numEnvs: numEnvs, seed: seed, stream: stream))
    }

    func makeRollout() -> Rollout {
        Rollout(observationSize: observationSize, actionDimension: isContinuous ? actionWidth : 1, isContinuous: isContinuous)
    }

    func collectBatch(from environments: BatchEnvironments, actionGenerator: inout RandomGenerator, into batch: Rollout) {
        guard let typed = environments as? TypedBatchEnvironments<E> else {
            preconditionFailure("environments made by another training run")
        }
        typed.vector.reset()
        _ = collect(typed.vector, &actionGenerator, batch)
    }

    func accumulatePolicyGradient(_ batch: Rollout, baseline: BaselineChoice, scale: Float) {
        // After a stop the batch is an abandoned one: measuring it would only delay the stop.
        guard !stopPoll.isStopped else { return }
        accumulatePolicyTerm(batch, baseline: baseline, scale: scale, entropyCoefficient: 0)
    }

    func policyGradient(_ batch: Rollout, baseline: BaselineChoice) -> [Float] {
        let buffer = policy.parameters
        buffer.zeroGradient()
        if !stopPoll.isStopped { accumulatePolicyTerm(batch, baseline: baseline, scale: 1, entropyCoefficient: 0) }
        let g = buffer.gradientArray
        buffer.zeroGradient()
        return g
    }

    // MARK: Policy helpers

    @inline(__always)
    func forwardPolicy(_ observations: UnsafePointer<Float>, count: Int, row: Int) {
        switch policy {
        case .discrete(let p): p.forward(observations, count: count, row: row)
        case .gaussian(let p): p.forward(observations, count: count, row: row)
        }
    }

    /// Draws (or picks greedily) actions for policy rows `row..<row+count`; writes log π of each.
    @inline(__always)
    func act(
        row: Int, count: Int, greedy: Bool, generator: inout RandomGenerator,
        actions: UnsafeMutablePointer<Int>, continuous: UnsafeMutablePointer<Float>,
        logProbs: UnsafeMutablePointer<Float>?
    ) {
        switch policy {
        case .discrete(let p):
            for i in 0..<count {
                let r = row + i
                let a = greedy ? p.greedyAction(row: r) : p.sampleAction(row: r, using: &generator)
                actions[i] = a
                if let logProbs { logProbs[i] = p.logProb(row: r, action: a) }
            }
        case .gaussian(let p):
            let dim = actionWidth
            for i in 0..<count {
                let out = continuous + i * dim
                if greedy { p.greedyAction(row: row + i, into: out) } else {
                    p.sampleAction(row: row + i, into: out, using: &generator)
                }
                if let logProbs { logProbs[i] = p.logProb(row: row + i, action: out) }
            }
        }
    }

    /// H(π(·|s)) of a forwarded policy row.
    @inline(__always)
    func entropy(row: Int) -> Float {
        switch policy {
        case .discrete(let p): p.distributions.entropies[row]
        case .gaussian(let p): p.entropy()
        }
    }

    /// Adds ∂/∂θ [Σ_i c_i log π(a_i|s_i) + β Σ_i H_i] over policy rows `0..<count`.
    func accumulatePolicy(
        actions: UnsafePointer<Int>, continuous: UnsafePointer<Float>, coefficients c: UnsafePointer<Float>,
        entropyCoefficient beta: Float, count: Int
    ) {
        switch policy {
        case .discrete(let p):
            p.accumulateGradient(
                actions: actions, logProbCoefficients: c, entropyCoefficient: beta, count: count, row: 0)
        case .gaussian(let p):
            p.accumulateGradient(
                actions: continuous, logProbCoefficients: c, entropyCoefficient: beta, count: count, row: 0)
        }
    }

    /// V(s) of critic row `row`, or Σ_a π(a|s) Q(s, a) with π from policy row `policyRow`.
    @inline(__always)
    func stateValue(_ c: any Critic, row: Int, policyRow: Int) -> Float {
        let out = c.output(row: row)
        guard isQCritic, case .discrete(let p) = policy else { return out[0] }
        let probabilities = p.distributions.probabilities + policyRow * actionWidth
        var v: Float = 0
        for a in 0..<actionWidth { v += probabilities[a] * out[a] }
        return v
    }

    // MARK: Collection

    /// Collects one batch into `batch` from `vector`; returns the environment steps taken.
    func collect(
        _ vector: VectorEnvironment<E>, _ generator: inout RandomGenerator, _ batch: Rollout
    ) -> Int {
        let steps: Int
        if settings.estimator.name == .reinforce {
            steps = collectEpisodes(vector, &generator, batch)
        } else {
            steps = collectFixed(vector, &generator, batch)
        }
        generationCounter += 1
        batch.generation = generationCounter
        forwardedGeneration = generationCounter
        return steps
    }

    /// `n_steps` steps of every copy, continuing their episodes (actor_critic, a2c, gae, ppo).
    func collectFixed(_ vector: VectorEnvironment<E>, _ generator: inout RandomGenerator, _ batch: Rollout) -> Int {
        let n = numEnvs, steps = settings.estimator.nSteps, size = observationSize
        let count = steps * n
        batch.reserve(terms: count, extraObservationRows: n)
        batch.numEnvs = n
        batch.steps = steps
        batch.count = count
        batch.observationRows = count + n
        batch.episodes = 0
        batch.finalCount = 0
        batch.finishedReturns.removeAll(keepingCapacity: true)
        batch.termScale = 1 / Float(count)
        let storesFinals = critic != nil && settings.estimator.bootstrapTruncated
        let width = batch.actionDimension
        for t in 0..<steps {
            if stopPoll.stopRequested(after: n) { return t * n }
            let k = t * n
            let observations = batch.observationStorage.pointer + k * size
            observations.update(from: vector.observations.base, count: n * size)
            forwardPolicy(observations, count: n, row: k)
            critic?.forward(observations, count: n, row: k)
            act(row: k, count: n, greedy: false, generator: &generator,
                actions: batch.actionStorage.pointer + k, continuous: batch.continuousActionStorage.pointer + k * width,
                logProbs: batch.logProbStorage.pointer + k)
            if isContinuous {
                vector.step(continuous: UnsafeBufferPointer(
                    start: batch.continuousActionStorage.pointer + k * width, count: n * width))
            } else {
                vector.step(discrete: UnsafeBufferPointer(start: batch.actionStorage.pointer + k, count: n))
            }
            for i in 0..<n {
                let terminated = vector.terminated.base[i], truncated = vector.truncated.base[i]
                batch.rewardStorage[k + i] = Float(vector.rewards.base[i])
                batch.terminatedStorage[k + i] = terminated
                batch.truncatedStorage[k + i] = truncated
                batch.endedStorage[k + i] = terminated || truncated
                batch.timeStorage[k + i] = t
                batch.weightStorage[k + i] = 1
                if storesFinals && truncated && !terminated {
                    let j = batch.finalCount
                    batch.finalRowStorage.reserve(j + 1)
                    batch.finalObservationStorage.reserve((j + 1) * size)
                    batch.finalRowStorage[j] = k + i
                    (batch.finalObservationStorage.pointer + j * size).update(
                        from: vector.finalObservations.base + i * size, count: size)
                    batch.finalCount = j + 1
                }
            }
            for e in 0..<vector.finishedEpisodes.count {
                batch.finishedReturns.append(vector.finishedEpisodes.base[e].episodeReturn)
                batch.episodes += 1
            }
        }
        (batch.observationStorage.pointer + count * size).update(from: vector.observations.base, count: n * size)
        computeValues(batch)
        computeEstimates(batch)
        return count
    }

    /// Critic values of the terms, value baselines and bootstrap values (fixed-length batches).
    func computeValues(_ batch: Rollout) {
        let n = numEnvs, count = batch.count, size = observationSize
        let stateValues = batch.stateValueStorage.pointer
        let next = batch.nextValueStorage.pointer
        guard let critic else {
            stateValues.update(repeating: 0, count: count)
            next.update(repeating: 0, count: count)
            return
        }
        let observations = batch.observationStorage.pointer
        let finals = batch.finalObservationStorage.pointer
        let finalBase = count + n
        // Bootstrap rows after the terms: the last observations, then the final observations.
        critic.forward(observations + count * size, count: n, row: count)
        if isQCritic { forwardPolicy(observations + count * size, count: n, row: count) }
        if batch.finalCount > 0 {
            critic.forward(finals, count: batch.finalCount, row: finalBase)
            if isQCritic { forwardPolicy(finals, count: batch.finalCount, row: finalBase) }
        }
        for k in 0..<count { stateValues[k] = stateValue(critic, row: k, policyRow: k) }
        if isQCritic {
            // actor_critic's Q̂_k = Q(s_k, a_k), read straight from the critic's row.
            let actions = batch.actionStorage.pointer, q = batch.qEstimateStorage.pointer
            for k in 0..<count { q[k] = critic.output(row: k)[actions[k]] }
        }
        // Final observations are stored only for truncated, non-terminal terms: each bootstraps.
        let ended = batch.endedStorage.pointer
        if let target = targetCritic {
            target.forward(observations + n * size, count: count, row: 0)
            if batch.finalCount > 0 { target.forward(finals, count: batch.finalCount, row: count) }
            for k in 0..<count { next[k] = ended[k] ? 0 : stateValue(target, row: k, policyRow: k + n) }
            for j in 0..<batch.finalCount {
                next[batch.finalRowStorage[j]] = stateValue(target, row: count + j, policyRow: finalBase + j)
            }
        } else {
            // The state after term k is term k + n's, whose value is already in stateValues,
            // except in the last step, whose successors are the bootstrap rows.
            let inside = count - n
            for k in 0..<inside { next[k] = ended[k] ? 0 : stateValues[k + n] }
            for k in inside..<count { next[k] = ended[k] ? 0 : stateValue(critic, row: k + n, policyRow: k + n) }
            for j in 0..<batch.finalCount {
                next[batch.finalRowStorage[j]] = stateValue(critic, row: finalBase + j, policyRow: finalBase + j)
            }
        }
    }

    /// Q-estimates and critic targets of a fixed-length batch.
    func computeEstimates(_ batch: Rollout) {
        let n = numEnvs, steps = batch.steps, count = batch.count
        let gamma = Float(settings.estimator.gamma)
        let q = batch.qEstimateStorage.pointer, targets = batch.criticTargetStorage.pointer
        let rewards = batch.rewardStorage.pointer, ended = batch.endedStorage.pointer
        let next = batch.nextValueStorage.pointer
        switch settings.estimator.name {
        case .a2c:
            ReturnEstimators.nStepReturns(
                rewards: rewards, ended: ended, nextValues: next, gamma: gamma, numEnvs: n, steps: steps, into: q)
            targets.update(from: q, count: count)
        case .gae, .ppo:
            let v = batch.stateValueStorage.pointer
            ReturnEstimators.generalizedAdvantages(
                rewards: rewards, values: v, ended: ended, nextValues: next, gamma: gamma,
                lambda: Float(settings.estimator.gaeLambda), numEnvs: n, steps: steps, into: q)
            for k in 0..<count { q[k] += v[k] }
            targets.update(from: q, count: count)
        case .actorCritic:
            // Q̂_k = Q(s_k, a_k) is already in place (`computeValues`).
            for k in 0..<count { targets[k] = rewards[k] + gamma * next[k] }
        case .reinforce:
            preconditionFailure("REINFORCE batches are whole episodes")
        }
    }

    /// REINFORCE: `episodes_per_update` complete episodes. Every copy is reset first, so each
    /// episode starts from the start distribution under the current policy. Each copy's share is
    /// fixed before stepping: with `W` episodes wanted over `N` copies, copy i keeps its first
    /// `q_i = ⌊W/N⌋ + (i < W mod N ? 1 : 0)` episodes. The copies step in lockstep until every
    /// quota is met; the batch holds the kept episodes ordered by (copy, episode number).
    ///
    /// Fixing the quotas first is what keeps ĝ unbiased: keeping whichever W episodes end first
    /// would over-represent short episodes. Episodes a copy starts after its quota, and steps of
    /// episodes left unfinished, are taken (they count as environment steps) but are not part
    /// of the batch; `finishedReturns` lists every episode that ended, kept or not.
    func collectEpisodes(_ vector: VectorEnvironment<E>, _ generator: inout RandomGenerator, _ batch: Rollout) -> Int {
        let n = numEnvs, size = observationSize, wanted = settings.estimator.episodesPerUpdate
        let width = batch.actionDimension
        vector.reset()
        batch.finishedReturns.removeAll(keepingCapacity: true)
        stagedEpisodes.removeAll(keepingCapacity: true)
        episodeStarts.reserve(n)
        episodeQuotas.reserve(n)
        var unmet = 0
        for i in 0..<n {
            episodeStarts[i] = 0
            episodeQuotas[i] = wanted / n + (i < wanted % n ? 1 : 0)
            if episodeQuotas[i] > 0 { unmet += 1 }
        }
        var t = 0
        while unmet > 0 {
            if stopPoll.stopRequested(after: n) { return t * n }
            let k = t * n
            stageObservations.reserve((k + n) * size)
            stageActions.reserve(k + n)
            stageContinuous.reserve((k + n) * width)
            stageRewards.reserve(k + n)
            let observations = stageObservations.pointer + k * size
            observations.update(from: vector.observations.base, count: n * size)
            forwardPolicy(observations, count: n, row: 0)
            act(row: 0, count: n, greedy: false, generator: &generator, actions: stageActions.pointer + k,
                continuous: stageContinuous.pointer + k * width, logProbs: nil)
            if isContinuous {
                vector.step(continuous: UnsafeBufferPointer(start: stageContinuous.pointer + k * width, count: n * width))
            } else {
                vector.step(discrete: UnsafeBufferPointer(start: stageActions.pointer + k, count: n))
            }
            for i in 0..<n { stageRewards[k + i] = Float(vector.rewards.base[i]) }
            for e in 0..<vector.finishedEpisodes.count {
                let episode = vector.finishedEpisodes.base[e]
                let i = episode.copy
                batch.finishedReturns.append(episode.episodeReturn)
                if episodeQuotas[i] > 0 {
                    stagedEpisodes.append((i, episodeStarts[i], t, episode.terminated))
                    episodeQuotas[i] -= 1
                    if episodeQuotas[i] == 0 { unmet -= 1 }
                }
                episodeStarts[i] = t + 1
            }
            t += 1
        }
        // Batch order (copy, episode number): each copy's episodes are staged in order of start.
        stagedEpisodes.sort { ($0.copy, $0.start) < ($1.copy, $1.start) }
        // Compact the batch's episodes, one after another.
        var count = 0
        for e in stagedEpisodes { count += e.end - e.start + 1 }
        batch.reserve(terms: count, extraObservationRows: 0)
        batch.numEnvs = 1
        batch.steps = count
        batch.count = count
        batch.observationRows = count
        batch.episodes = wanted
        batch.finalCount = 0
        batch.termScale = 1 / Float(wanted)
        let gamma = Float(settings.estimator.gamma)
        let discountWeighting = settings.estimator.discountWeighting
        let rewardToGo = settings.estimator.rewardToGo
        let q = batch.qEstimateStorage.pointer
        var k = 0
        for e in stagedEpisodes {
            let first = k
            var weight: Float = 1
            for tau in e.start...e.end {
                let row = tau * n + e.copy
                (batch.observationStorage.pointer + k * size).update(
                    from: stageObservations.pointer + row * size, count: size)
                batch.actionStorage[k] = stageActions[row]
                (batch.continuousActionStorage.pointer + k * width).update(
                    from: stageContinuous.pointer + row * width, count: width)
                batch.rewardStorage[k] = stageRewards[row]
                let last = tau == e.end
                batch.terminatedStorage[k] = last && e.terminated
                batch.truncatedStorage[k] = last && !e.terminated
                batch.endedStorage[k] = last
                batch.timeStorage[k] = tau - e.start
                batch.weightStorage[k] = discountWeighting ? weight : 1
                weight *= gamma
                k += 1
            }
            ReturnEstimators.rewardToGo(
                batch.rewardStorage.pointer + first, count: k - first, gamma: gamma, into: q + first)
            batch.criticTargetStorage.pointer.advanced(by: first).update(from: q + first, count: k - first)
            if !rewardToGo { for j in first..<k { q[j] = q[first] } }
        }
        // The update's forward passes over the compacted batch.
        let observations = batch.observationStorage.pointer
        forwardPolicy(observations, count: count, row: 0)
        let logProbs = batch.logProbStorage.pointer
        switch policy {
        case .discrete(let p):
            for j in 0..<count { logProbs[j] = p.logProb(row: j, action: batch.actionStorage[j]) }
        case .gaussian(let p):
            for j in 0..<count { logProbs[j] = p.logProb(row: j, action: batch.continuousActionStorage.pointer + j * width) }
        }
        let stateValues = batch.stateValueStorage.pointer
        batch.nextValueStorage.pointer.update(repeating: 0, count: count)
        if let critic {
            critic.forward(observations, count: count, row: 0)
            for j in 0..<count { stateValues[j] = critic.output(row: j)[0] }
        } else {
            stateValues.update(repeating: 0, count: count)
        }
        return t * n
    }

    // MARK: The policy-gradient term

    /// Â_k = Q̂_k − B_k, standardized over the batch when `normalize_advantage` is on.
    func computeAdvantages(_ batch: Rollout, baseline: BaselineChoice, normalize: Bool, into a: UnsafeMutablePointer<Float>) {
        let count = batch.count
        let q = batch.qEstimateStorage.pointer
        switch baseline {
        case .none: a.update(from: q, count: count)
        case .constant(let b): for k in 0..<count { a[k] = q[k] - b }
        case .value:
            let v = batch.stateValueStorage.pointer
            for k in 0..<count { a[k] = q[k] - v[k] }
        }
        if normalize { ReturnEstimators.normalize(a, count: count) }
    }

    /// Re-forwards the policy over the batch when its rows hold something else.
    func ensureForward(_ batch: Rollout) {
        guard forwardedGeneration != batch.generation else { return }
        forwardPolicy(batch.observationStorage.pointer, count: batch.count, row: 0)
        forwardedGeneration = batch.generation
    }

    /// Adds `scale · ĝ` plus the gradient of `β Σ_k H(π(·|s_k))` in one backward pass; returns
    /// the policy loss `−termScale Σ_k w_k Â_k log π(a_k|s_k)`.
    @discardableResult
    func accumulatePolicyTerm(
        _ batch: Rollout, baseline: BaselineChoice, scale: Float, entropyCoefficient: Float
    ) -> Float {
        ensureForward(batch)
        let count = batch.count
        coefficients.reserve(count)
        advantageScratch.reserve(count)
        let c = coefficients.pointer, a = advantageScratch.pointer
        computeAdvantages(batch, baseline: baseline, normalize: settings.estimator.normalizeAdvantage, into: a)
        let w = batch.weightStorage.pointer, logProbs = batch.logProbStorage.pointer
        let termScale = batch.termScale
        var loss: Float = 0
        for k in 0..<count {
            let term = termScale * w[k] * a[k]
            loss -= term * logProbs[k]
            c[k] = scale * term
        }
        accumulatePolicy(
            actions: batch.actionStorage.pointer, continuous: batch.continuousActionStorage.pointer, coefficients: c,
            entropyCoefficient: entropyCoefficient, count: count)
        return loss
    }

    /// Adds this batch's gX·gY and |gY|² to the optimal-baseline sums (gradients zeroed after).
    func updateOptimalBaselineStatistics(_ batch: Rollout) {
        ensureForward(batch)
        let buffer = policy.parameters
        let count = batch.count
        coefficients.reserve(count)
        gradientX.reserve(buffer.count)
        gradientY.reserve(buffer.count)
        let c = coefficients.pointer, w = batch.weightStorage.pointer, q = batch.qEstimateStorage.pointer
        let actions = batch.actionStorage.pointer, continuous = batch.continuousActionStorage.pointer
        buffer.zeroGradient()
        for k in 0..<count { c[k] = batch.termScale * w[k] * q[k] }
        accumulatePolicy(actions: actions, continuous: continuous, coefficients: c, entropyCoefficient: 0, count: count)
        gradientX.pointer.update(from: buffer.gradient, count: buffer.count)
        buffer.zeroGradient()
        for k in 0..<count { c[k] = batch.termScale * w[k] }
        accumulatePolicy(actions: actions, continuous: continuous, coefficients: c, entropyCoefficient: 0, count: count)
        gradientY.pointer.update(from: buffer.gradient, count: buffer.count)
        buffer.zeroGradient()
        baselines.addGradientProducts(x: gradientX.pointer, y: gradientY.pointer, count: buffer.count)
    }

    // MARK: Update

    /// The learning rate of the update after `stepsDone` steps: SB3's progress-remaining schedule,
    /// taken after the batch was collected and floored at 0.
    var learningRate: Float {
        let lr = settings.optimizer.schedule.learningRate(
            base: Float(settings.optimizer.lr), stepsDone: stepsDone, totalSteps: settings.training.steps)
        return Swift.max(lr, 0)
    }

    /// Clips, checks and applies the accumulated loss gradient. Returns false on divergence.
    func applyGradients(learningRate lr: Float) -> Bool {
        let norm: Float
        if let maxNorm = settings.optimizer.maxGradNorm {
            norm = GradientClipping.clipGlobalNorm(buffers, maxNorm: Float(maxNorm))
        } else {
            norm = GradientClipping.globalNorm(buffers)
        }
        guard norm.isFinite else { return false }
        for (buffer, optimizer) in zip(buffers, optimizers) { optimizer.step(buffer, learningRate: lr) }
        for buffer in buffers where !GradientClipping.sumOfSquares(buffer.values, buffer.count).isFinite {
            return false
        }
        return true
    }

    /// One update from `batch`. Returns false when a loss, the gradient norm or a parameter
    /// is not finite (the run has diverged).
    func update(_ batch: Rollout) -> Bool {
        let lr = learningRate
        let choice = baselineChoice(settings.baseline)
        if tracksOptimalBaseline { updateOptimalBaselineStatistics(batch) }
        let ok: Bool
        if settings.estimator.name == .ppo {
            ok = updatePPO(batch, baseline: choice, learningRate: lr)
        } else {
            ok = updateOnce(batch, baseline: choice, learningRate: lr)
        }
        guard ok else { return false }
        baselines.addQEstimates(batch.qEstimates)
        updatesDone += 1
        if let target = targetCritic, let critic, updatesDone % settings.critic.targetUpdate == 0 {
            target.copyParameters(from: critic)
        }
        forwardedGeneration = -1
        return true
    }

    /// REINFORCE, actor_critic, a2c, gae: one gradient step on
    /// `loss = pg + value_coef · mean (target − V)² − entropy_coef · mean H`.
    func updateOnce(_ batch: Rollout, baseline: BaselineChoice, learningRate lr: Float) -> Bool {
        for buffer in buffers { buffer.zeroGradient() }
        let count = batch.count
        let inverseCount = 1 / Float(count)
        let policyLoss = accumulatePolicyTerm(
            batch, baseline: baseline, scale: -1, entropyCoefficient: -Float(settings.entropyCoef) * inverseCount)
        var entropySum: Float = 0
        for k in 0..<count { entropySum += entropy(row: k) }
        var valueLoss = Float.nan
        if let critic {
            let halfSquares = critic.accumulateSquaredErrorGradient(
                targets: batch.criticTargetStorage.pointer, actions: isQCritic ? batch.actionStorage.pointer : nil,
                scale: Float(settings.critic.valueCoef) * 2 * inverseCount, count: count, row: 0)
            valueLoss = 2 * halfSquares * inverseCount
            guard valueLoss.isFinite else { return false }
        }
        lastPolicyLoss = Double(policyLoss)
        lastValueLoss = Double(valueLoss)
        lastEntropy = Double(entropySum * inverseCount)
        guard policyLoss.isFinite, entropySum.isFinite else { return false }
        return applyGradients(learningRate: lr)
    }

    /// PPO (Stable-Baselines3): `epochs` passes, each over the batch shuffled and cut into
    /// minibatches of `count / minibatches` terms (a shorter last one when it does not divide);
    /// per minibatch, advantages standardized within it (when `normalize_advantage`), the clipped
    /// surrogate, `value_coef · mean (R − V)²`, `− entropy_coef · mean H`, clipping and a step.
    func updatePPO(_ batch: Rollout, baseline: BaselineChoice, learningRate lr: Float) -> Bool {
        let count = batch.count, size = observationSize, width = batch.actionDimension
        advantageScratch.reserve(count)
        computeAdvantages(batch, baseline: baseline, normalize: false, into: advantageScratch.pointer)
        let batchSize = Swift.max(1, count / settings.estimator.minibatches)
        permutation.reserve(count)
        for buffer in [minibatchAdvantages, minibatchOldLogProbs, minibatchNewLogProbs, minibatchTargets, coefficients] {
            buffer.reserve(batchSize)
        }
        minibatchObservations.reserve(batchSize * size)
        minibatchActions.reserve(batchSize)
        minibatchContinuous.reserve(batchSize * width)
        let epsilon = Float(settings.estimator.clip)
        let beta = Float(settings.entropyCoef)
        for _ in 0..<settings.estimator.epochs {
            let p = permutation.pointer
            for k in 0..<count { p[k] = k }
            // Fisher–Yates from the top, as numpy's permutation.
            var k = count - 1
            while k > 0 {
                let j = minibatchGenerator.int(below: k + 1)
                let held = p[k]
                p[k] = p[j]
                p[j] = held
                k -= 1
            }
            var start = 0
            while start < count {
                let m = Swift.min(batchSize, count - start)
                // Abandoned, not diverged: the caller sees the stop.
                if stopPoll.stopRequested(after: m) { return true }
                for i in 0..<m {
                    let src = p[start + i]
                    (minibatchObservations.pointer + i * size).update(
                        from: batch.observationStorage.pointer + src * size, count: size)
                    minibatchActions[i] = batch.actionStorage[src]
                    (minibatchContinuous.pointer + i * width).update(
                        from: batch.continuousActionStorage.pointer + src * width, count: width)
                    minibatchOldLogProbs[i] = batch.logProbStorage[src]
                    minibatchAdvantages[i] = advantageScratch[src]
                    minibatchTargets[i] = batch.criticTargetStorage[src]
                }
                forwardPolicy(minibatchObservations.pointer, count: m, row: 0)
                forwardedGeneration = -1
                switch policy {
                case .discrete(let policy):
                    for i in 0..<m { minibatchNewLogProbs[i] = policy.logProb(row: i, action: minibatchActions[i]) }
                case .gaussian(let policy):
                    for i in 0..<m {
                        minibatchNewLogProbs[i] = policy.logProb(row: i, action: minibatchContinuous.pointer + i * width)
                    }
                }
                if settings.estimator.normalizeAdvantage {
                    ReturnEstimators.normalize(minibatchAdvantages.pointer, count: m)
                }
                for buffer in buffers { buffer.zeroGradient() }
                let policyLoss = ClippedSurrogate.loss(
                    logProbs: minibatchNewLogProbs.pointer, oldLogProbs: minibatchOldLogProbs.pointer,
                    advantages: minibatchAdvantages.pointer, clip: epsilon, count: m,
                    coefficients: coefficients.pointer)
                let inverseM = 1 / Float(m)
                accumulatePolicy(
                    actions: minibatchActions.pointer, continuous: minibatchContinuous.pointer,
                    coefficients: coefficients.pointer, entropyCoefficient: -beta * inverseM, count: m)
                var entropySum: Float = 0
                for i in 0..<m { entropySum += entropy(row: i) }
                var valueLoss = Float.nan
                if let critic {
                    critic.forward(minibatchObservations.pointer, count: m, row: 0)
                    let halfSquares = critic.accumulateSquaredErrorGradient(
                        targets: minibatchTargets.pointer, scale: Float(settings.critic.valueCoef) * 2 * inverseM,
                        count: m, row: 0)
                    valueLoss = 2 * halfSquares * inverseM
                }
                lastPolicyLoss = Double(policyLoss)
                lastValueLoss = Double(valueLoss)
                lastEntropy = Double(entropySum * inverseM)
                guard policyLoss.isFinite, entropySum.isFinite, valueLoss.isFinite || critic == nil else { return false }
                guard applyGradients(learningRate: lr) else { return false }
                start += m
            }
        }
        return true
    }

    // MARK: Evaluation

    /// `eval_episodes` episodes, one per evaluation copy (each copy's first episode after a
    /// reset), actions from the evaluation stream (`sample`) or greedy. Returns the mean and
    /// the population standard deviation of the undiscounted returns.
    func evaluate() -> (mean: Double, std: Double) {
        let vector = evaluationEnvironments
        let count = vector.numEnvs, width = isContinuous ? actionWidth : 1
        let greedy = settings.training.evalPolicy == .greedy
        evaluationActions.reserve(count)
        evaluationContinuous.reserve(count * width)
        evaluationDone.reserve(count)
        evaluationReturns.reserve(count)
        for i in 0..<count { evaluationDone[i] = false }
        vector.reset()
        var remaining = count
        while remaining > 0 {
            if stopPoll.stopRequested(after: count) { return (.nan, .nan) }
            forwardPolicy(vector.observations.base, count: count, row: 0)
            act(row: 0, count: count, greedy: greedy, generator: &evaluationGenerator,
                actions: evaluationActions.pointer, continuous: evaluationContinuous.pointer, logProbs: nil)
            if isContinuous {
                vector.step(continuous: UnsafeBufferPointer(start: evaluationContinuous.pointer, count: count * width))
            } else {
                vector.step(discrete: UnsafeBufferPointer(start: evaluationActions.pointer, count: count))
            }
            for e in 0..<vector.finishedEpisodes.count {
                let episode = vector.finishedEpisodes.base[e]
                if !evaluationDone[episode.copy] {
                    evaluationDone[episode.copy] = true
                    evaluationReturns[episode.copy] = episode.episodeReturn
                    remaining -= 1
                }
            }
        }
        forwardedGeneration = -1
        var sum = 0.0
        for i in 0..<count { sum += evaluationReturns[i] }
        let mean = sum / Double(count)
        var squares = 0.0
        for i in 0..<count { squares += (evaluationReturns[i] - mean) * (evaluationReturns[i] - mean) }
        return (mean, (squares / Double(count)).squareRoot())
    }
}
