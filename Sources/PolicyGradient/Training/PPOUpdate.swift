/// PPO's update (Schulman et al. 2017, as Stable-Baselines3 computes it): `epochs` passes over
/// the batch, each shuffled and cut into minibatches of `count / minibatches` terms (a shorter
/// last one when it does not divide), one gradient step per minibatch on
///
///     L = −E[min(r·Â, clip(r, 1−ε, 1+ε)·Â)]  −  β·H  +  c·(V − V̂)²
///
/// with `r = exp(logProb − oldLogProb)`, Â the batch's advantages (GAE, Schulman et al. 2016)
/// standardized within the minibatch when `normalize_advantage`, β `entropy_coef`, c
/// `value_coef` and V̂ the λ-return. Each term's gradient is accumulated by its own backward pass;
/// `UpdateLoss` adds up L and checks it. The minibatches are the batch's own
/// (`Rollout.minibatches(size:shuffledBy:)`), shuffled from the `.minibatches` stream.
///
/// Stable-Baselines3's extras: ε follows `clip_schedule` (ε·(1 − progress) for `linear`, the
/// progress taken after the batch was collected, as the learning rate's); with `clip_value` the
/// value term is `ClippedValueLoss` around the values recorded at collection; with `target_kl`
/// the epochs stop, before its step, at the first minibatch whose `ApproximateKL` exceeds
/// 1.5 × `target_kl`.
final class PPOUpdate {
    let forwarded: ForwardedBatch
    let critic: (any Critic)?
    let step: GradientStep
    let stopPoll: StopPoll
    let epochs: Int
    let minibatches: Int
    let normalizeAdvantage: Bool
    /// ε, `clip`, at the start of training.
    let epsilon: Float
    /// How ε decays.
    let clipSchedule: LearningRateSchedule
    /// ε_V, `clip_value`; nil: the plain squared error.
    let valueEpsilon: Float?
    /// `target_kl`; nil: every epoch runs.
    let targetKL: Float?
    /// Environment steps budgeted, for the clip schedule.
    let totalSteps: Int
    /// β and c.
    let coefficients: UpdateLoss.Coefficients
    /// The `.minibatches` stream, for the shuffles.
    var minibatchGenerator: RandomGenerator

    // Per minibatch: what the step computes from the gathered terms (the terms themselves are
    // the rollout's `minibatch`).
    private let logProb = ScratchBuffer<Float>(zero: 0)
    private let values = ScratchBuffer<Float>(zero: 0)
    private let valueGradient = ScratchBuffer<Float>(zero: 0)
    private let surrogateCoefficients = ScratchBuffer<Float>(zero: 0)

    var policy: PolicyModel { forwarded.policy }

    init(forwarded: ForwardedBatch, critic: (any Critic)?, step: GradientStep, stopPoll: StopPoll, settings: TrainerSettings) {
        self.forwarded = forwarded
        self.critic = critic
        self.step = step
        self.stopPoll = stopPoll
        epochs = settings.estimator.epochs
        minibatches = settings.estimator.minibatches
        normalizeAdvantage = settings.estimator.normalizeAdvantage
        epsilon = Float(settings.estimator.clip)
        clipSchedule = settings.estimator.clipSchedule
        valueEpsilon = settings.estimator.clipValue.map(Float.init)
        targetKL = settings.estimator.targetKL.map(Float.init)
        totalSteps = settings.training.steps
        coefficients = UpdateLoss.Coefficients(settings: settings)
        minibatchGenerator = RandomGenerator(seed: settings.seed, stream: .minibatches)
    }

    /// ε for the update after `stepsDone` steps; floored at 0, as the learning rate, since the
    /// last update may run past the budget.
    func clipRange(stepsDone: Int) -> Float {
        Swift.max(0, clipSchedule.learningRate(base: epsilon, stepsDone: stepsDone, totalSteps: totalSteps))
    }

    /// All epochs on `batch`. Returns false when a loss, the gradient norm or a parameter is not
    /// finite (the run has diverged); true also when a stop abandoned the update (the caller
    /// sees the stop).
    func update(
        _ batch: Rollout, baseline: ResolvedBaseline, learningRate: Float, stepsDone: Int, metrics: inout UpdateMetrics
    ) -> Bool {
        batch.subtractBaseline(baseline)
        let batchSize = Swift.max(1, batch.count / minibatches)
        for buffer in [logProb, surrogateCoefficients] { buffer.reserve(batchSize) }
        if valueEpsilon != nil {
            for buffer in [values, valueGradient] { buffer.reserve(batchSize) }
        }
        let clip = clipRange(stepsDone: stepsDone)
        for _ in 0..<epochs {
            for minibatch in batch.minibatches(size: batchSize, shuffledBy: &minibatchGenerator) {
                if stopPoll.stopRequested(after: minibatch.count) { return true }
                switch minibatchStep(minibatch, clip: clip, learningRate: learningRate, metrics: &metrics) {
                case .diverged: return false
                case .klExceeded: return true
                case .stepped: continue
                }
            }
        }
        return true
    }

    /// What became of a minibatch.
    private enum MinibatchOutcome { case stepped, klExceeded, diverged }

    /// One gradient step on L over `minibatch`, unless the policy has moved further than
    /// `target_kl` allows.
    private func minibatchStep(
        _ minibatch: Rollout, clip: Float, learningRate: Float, metrics: inout UpdateMetrics
    ) -> MinibatchOutcome {
        let policy = self.policy, m = minibatch.count
        let observations = minibatch.observationStorage.pointer, advantages = minibatch.advantageStorage.pointer
        let oldLogProb = minibatch.logProbStorage.pointer, returns = minibatch.criticTargetStorage.pointer
        let actions = minibatch.actionStorage.pointer, continuousActions = minibatch.continuousActionStorage.pointer
        policy.forward(observations, count: m, row: 0)
        forwarded.invalidate()
        policy.logProbs(actions: actions, continuous: continuousActions, count: m, into: logProb.pointer)
        if let targetKL,
           ApproximateKL.estimate(logProbs: logProb.pointer, oldLogProbs: oldLogProb, count: m) > 1.5 * targetKL {
            return .klExceeded
        }
        if normalizeAdvantage { ReturnEstimators.normalize(advantages, count: m) }
        step.zeroGradients()
        let inverseM = 1 / Float(m)
        let beta = coefficients.entropy, c = coefficients.value
        // −E[min(r·Â, clip(r, 1−ε, 1+ε)·Â)], and its coefficients ∂/∂logProb.
        let policyLoss = ClippedSurrogate.loss(
            logProbs: logProb.pointer, oldLogProbs: oldLogProb, advantages: advantages,
            clip: clip, count: m, coefficients: surrogateCoefficients.pointer)
        // The surrogate's and −β·H's gradients in one backward pass.
        policy.accumulateGradient(
            actions: actions, continuous: continuousActions, coefficients: surrogateCoefficients.pointer,
            entropyCoefficient: -beta * inverseM, count: m)
        var loss = UpdateLoss(policyLoss: policyLoss, entropyOf: policy, count: m)
        if let critic {
            // ∂/∂V of c · mean (V − V̂)² is c · 2 (V − V̂) / m.
            critic.forward(observations, count: m, row: 0)
            if let valueEpsilon {
                loss.valueLoss = clippedValueGradient(
                    critic, minibatch, clip: valueEpsilon, scale: c * 2 * inverseM) * inverseM
            } else {
                let halfSquares = critic.accumulateSquaredErrorGradient(
                    targets: returns, scale: c * 2 * inverseM, count: m, row: 0)
                loss.valueLoss = 2 * halfSquares * inverseM
            }
        }
        metrics = loss.metrics(coefficients)
        guard loss.isFinite else { return .diverged }
        return step.apply(learningRate: learningRate) ? .stepped : .diverged
    }

    /// Accumulates `scale · (V^clip − V̂)` per term through the forwarded critic (V, or Q's first
    /// output); returns Σ (V^clip − V̂)².
    private func clippedValueGradient(_ critic: any Critic, _ minibatch: Rollout, clip: Float, scale: Float) -> Float {
        let k = critic.outputCount, m = minibatch.count
        for i in 0..<m { values[i] = critic.value(row: i) }
        let sum = ClippedValueLoss.loss(
            values: values.pointer, oldValues: minibatch.stateValueStorage.pointer,
            targets: minibatch.criticTargetStorage.pointer,
            clip: clip, scale: scale, count: m, gradient: valueGradient.pointer)
        let g = critic.outputGradientScratch(count: m)
        g.update(repeating: 0, count: m * k)
        for i in 0..<m { g[i * k] = valueGradient[i] }
        critic.backward(outputGradient: g, count: m, row: 0)
        return sum
    }
}
