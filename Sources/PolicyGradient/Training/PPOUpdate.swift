import Foundation

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
///
/// Alongside, and without touching the arithmetic above, each update fills `statistics` as
/// Stable-Baselines3's `PPO.train()` logs them (`UpdateStatistics`, `PPOUpdate.Tally`).
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
    /// What the latest update measured (`UpdateStatistics`; `updates` holds its epochs begun).
    private(set) var statistics = UpdateStatistics()
    /// Permutations of the batch to use in place of the shuffles, one per epoch, so that a
    /// comparison with another implementation can replay its minibatches; nil: shuffle from
    /// `minibatchGenerator`.
    var givenPermutations: [[Int]]?

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
        var tally = Tally()
        statistics = UpdateStatistics()
        statistics.learningRate = Double(learningRate)
        statistics.clipRange = Double(clip)
        if critic != nil { statistics.explainedVariance = UpdateStatistics.explainedVariance(of: batch) }
        defer { tally.write(into: &statistics, policy: policy) }
        for epoch in 0..<epochs {
            tally.beginEpoch()
            for minibatch in minibatches(of: batch, size: batchSize, epoch: epoch) {
                if stopPoll.stopRequested(after: minibatch.count) { return true }
                switch minibatchStep(minibatch, clip: clip, learningRate: learningRate, metrics: &metrics, tally: &tally) {
                case .diverged: return false
                case .klExceeded:
                    statistics.stoppedEpoch = epoch
                    return true
                case .stepped: continue
                }
            }
        }
        return true
    }

    /// Epoch `epoch`'s minibatches: from a fresh shuffle, or from the given permutation.
    private func minibatches(of batch: Rollout, size: Int, epoch: Int) -> Rollout.Minibatches {
        if let givenPermutations { return batch.minibatches(size: size, permutation: givenPermutations[epoch]) }
        return batch.minibatches(size: size, shuffledBy: &minibatchGenerator)
    }

    /// What became of a minibatch.
    private enum MinibatchOutcome { case stepped, klExceeded, diverged }

    /// One gradient step on L over `minibatch`, unless the policy has moved further than
    /// `target_kl` allows.
    private func minibatchStep(
        _ minibatch: Rollout, clip: Float, learningRate: Float, metrics: inout UpdateMetrics, tally: inout Tally
    ) -> MinibatchOutcome {
        let policy = self.policy, m = minibatch.count
        let observations = minibatch.observationStorage.pointer, advantages = minibatch.advantageStorage.pointer
        let oldLogProb = minibatch.logProbStorage.pointer, returns = minibatch.criticTargetStorage.pointer
        let actions = minibatch.actionStorage.pointer, continuousActions = minibatch.continuousActionStorage.pointer
        policy.forward(observations, count: m, row: 0)
        forwarded.invalidate()
        policy.logProbs(actions: actions, continuous: continuousActions, count: m, into: logProb.pointer)
        let approximateKL = ApproximateKL.estimate(logProbs: logProb.pointer, oldLogProbs: oldLogProb, count: m)
        tally.approximateKL.add(approximateKL)
        tally.clipFraction.add(Self.clipFraction(logProbs: logProb.pointer, oldLogProbs: oldLogProb, clip: clip, count: m))
        if let targetKL, approximateKL > 1.5 * targetKL {
            tally.add(lossWithoutStep(minibatch, clip: clip), coefficients)
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
        tally.add(loss, coefficients)
        guard loss.isFinite else { return .diverged }
        guard step.apply(learningRate: learningRate) else { return .diverged }
        tally.gradientNorm.add(step.lastNorm)
        return .stepped
    }

    /// L of a minibatch whose policy is already forwarded into `logProb`, computed as
    /// `minibatchStep` does but without a gradient or a step: Stable-Baselines3 logs the loss
    /// of the minibatch at which `target_kl` stops the epochs. Only scratch buffers and the
    /// minibatch's own copy of the advantages are written.
    private func lossWithoutStep(_ minibatch: Rollout, clip: Float) -> UpdateLoss {
        let m = minibatch.count, advantages = minibatch.advantageStorage.pointer
        if normalizeAdvantage { ReturnEstimators.normalize(advantages, count: m) }
        let policyLoss = ClippedSurrogate.loss(
            logProbs: logProb.pointer, oldLogProbs: minibatch.logProbStorage.pointer, advantages: advantages,
            clip: clip, count: m, coefficients: surrogateCoefficients.pointer)
        var loss = UpdateLoss(policyLoss: policyLoss, entropyOf: policy, count: m)
        if let critic {
            critic.forward(minibatch.observationStorage.pointer, count: m, row: 0)
            let targets = minibatch.criticTargetStorage.pointer
            var squares: Float = 0
            for i in 0..<m {
                var value = critic.value(row: i)
                if let valueEpsilon {
                    let old = minibatch.stateValueStorage[i]
                    value = old + Swift.min(Swift.max(value - old, -valueEpsilon), valueEpsilon)
                }
                squares += (value - targets[i]) * (value - targets[i])
            }
            loss.valueLoss = squares * (1 / Float(m))
        }
        return loss
    }

    /// (1/m) · #{i : |r_i − 1| > ε}, `r_i = exp(logProb_i − oldLogProb_i)`: the share of terms
    /// the clipped surrogate holds still.
    static func clipFraction(
        logProbs: UnsafePointer<Float>, oldLogProbs: UnsafePointer<Float>, clip: Float, count: Int
    ) -> Float {
        var clipped = 0
        for i in 0..<count where Swift.abs(Foundation.exp(logProbs[i] - oldLogProbs[i]) - 1) > clip { clipped += 1 }
        return Float(clipped) / Float(count)
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
