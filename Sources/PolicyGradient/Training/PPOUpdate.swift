/// PPO's update (Schulman et al. 2017, as Stable-Baselines3 computes it): `epochs` passes over
/// the batch, each shuffled and cut into minibatches of `count / minibatches` terms (a shorter
/// last one when it does not divide), one gradient step per minibatch on
///
///     L = −E[min(r·Â, clip(r, 1−ε, 1+ε)·Â)]  −  β·H  +  c·(V − V̂)²
///
/// with `r = exp(logProb − oldLogProb)`, Â the batch's advantages (GAE, Schulman et al. 2016)
/// standardized within the minibatch when `normalize_advantage`, β `entropy_coef`, c
/// `value_coef` and V̂ the λ-return. Each term's gradient is accumulated by its own backward pass.
final class PPOUpdate {
    let forwarded: ForwardedBatch
    let critic: (any Critic)?
    let step: GradientStep
    let stopPoll: StopPoll
    let epochs: Int
    let minibatches: Int
    let normalizeAdvantage: Bool
    /// ε, `clip`.
    let epsilon: Float
    /// β, `entropy_coef`.
    let entropyCoefficient: Float
    /// c, `value_coef`.
    let valueCoefficient: Float
    /// The `.minibatches` stream, for the shuffles.
    var minibatchGenerator: RandomGenerator

    // The batch's advantages, the shuffle, and one minibatch gathered from them.
    private let advantage = ScratchBuffer<Float>(zero: 0)
    private let permutation = ScratchBuffer<Int>(zero: 0)
    private let observations = ScratchBuffer<Float>(zero: 0)
    private let actions = ScratchBuffer<Int>(zero: 0)
    private let continuousActions = ScratchBuffer<Float>(zero: 0)
    private let oldLogProb = ScratchBuffer<Float>(zero: 0)
    private let logProb = ScratchBuffer<Float>(zero: 0)
    private let minibatchAdvantage = ScratchBuffer<Float>(zero: 0)
    private let returns = ScratchBuffer<Float>(zero: 0)
    private let coefficients = ScratchBuffer<Float>(zero: 0)

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
        entropyCoefficient = Float(settings.entropyCoef)
        valueCoefficient = Float(settings.critic.valueCoef)
        minibatchGenerator = RandomGenerator(seed: settings.seed, stream: .minibatches)
    }

    /// All epochs on `batch`. Returns false when a loss, the gradient norm or a parameter is not
    /// finite (the run has diverged); true also when a stop abandoned the update (the caller
    /// sees the stop).
    func update(_ batch: Rollout, baseline: ResolvedBaseline, learningRate: Float, metrics: inout UpdateMetrics) -> Bool {
        let count = batch.count, size = batch.observationSize, width = batch.actionDimension
        advantage.reserve(count)
        baseline.subtract(from: batch, into: advantage.pointer)
        let batchSize = Swift.max(1, count / minibatches)
        permutation.reserve(count)
        for buffer in [minibatchAdvantage, oldLogProb, logProb, returns, coefficients] { buffer.reserve(batchSize) }
        observations.reserve(batchSize * size)
        actions.reserve(batchSize)
        continuousActions.reserve(batchSize * width)
        for _ in 0..<epochs {
            shuffle(count: count)
            var start = 0
            while start < count {
                let m = Swift.min(batchSize, count - start)
                if stopPoll.stopRequested(after: m) { return true }
                gather(batch, from: start, count: m)
                guard minibatchStep(count: m, learningRate: learningRate, metrics: &metrics) else { return false }
                start += m
            }
        }
        return true
    }

    /// A fresh permutation of `0..<count`: Fisher–Yates from the top, as numpy's permutation.
    private func shuffle(count: Int) {
        let p = permutation.pointer
        for k in 0..<count { p[k] = k }
        var k = count - 1
        while k > 0 {
            let j = minibatchGenerator.int(below: k + 1)
            let held = p[k]
            p[k] = p[j]
            p[j] = held
            k -= 1
        }
    }

    /// Copies the terms `permutation[start..<start+m]` of `batch` into the minibatch buffers.
    private func gather(_ batch: Rollout, from start: Int, count m: Int) {
        let size = batch.observationSize, width = batch.actionDimension, p = permutation.pointer
        for i in 0..<m {
            let source = p[start + i]
            (observations.pointer + i * size).update(from: batch.observationStorage.pointer + source * size, count: size)
            actions[i] = batch.actionStorage[source]
            (continuousActions.pointer + i * width).update(
                from: batch.continuousActionStorage.pointer + source * width, count: width)
            oldLogProb[i] = batch.logProbStorage[source]
            minibatchAdvantage[i] = advantage[source]
            returns[i] = batch.criticTargetStorage[source]
        }
    }

    /// One gradient step on L over the gathered minibatch of `m` terms.
    private func minibatchStep(count m: Int, learningRate: Float, metrics: inout UpdateMetrics) -> Bool {
        let policy = self.policy
        policy.forward(observations.pointer, count: m, row: 0)
        forwarded.invalidate()
        policy.logProbs(
            actions: actions.pointer, continuous: continuousActions.pointer, count: m, into: logProb.pointer)
        if normalizeAdvantage { ReturnEstimators.normalize(minibatchAdvantage.pointer, count: m) }
        step.zeroGradients()
        let inverseM = 1 / Float(m)
        let beta = entropyCoefficient, c = valueCoefficient
        // −E[min(r·Â, clip(r, 1−ε, 1+ε)·Â)], and its coefficients ∂/∂logProb.
        let policyLoss = ClippedSurrogate.loss(
            logProbs: logProb.pointer, oldLogProbs: oldLogProb.pointer, advantages: minibatchAdvantage.pointer,
            clip: epsilon, count: m, coefficients: coefficients.pointer)
        // The surrogate's and −β·H's gradients in one backward pass.
        policy.accumulateGradient(
            actions: actions.pointer, continuous: continuousActions.pointer, coefficients: coefficients.pointer,
            entropyCoefficient: -beta * inverseM, count: m)
        var entropySum: Float = 0
        for i in 0..<m { entropySum += policy.entropy(row: i) }
        var valueLoss = Float.nan
        if let critic {
            // ∂/∂V of c · mean (V − V̂)² is c · 2 (V − V̂) / m.
            critic.forward(observations.pointer, count: m, row: 0)
            let halfSquares = critic.accumulateSquaredErrorGradient(
                targets: returns.pointer, scale: c * 2 * inverseM, count: m, row: 0)
            valueLoss = 2 * halfSquares * inverseM
        }
        let entropy = entropySum * inverseM
        // L, whose three terms' gradients were accumulated above with these coefficients.
        let loss = policyLoss - beta * entropy + (critic == nil ? 0 : c * valueLoss)
        metrics = UpdateMetrics(
            policyLoss: Double(policyLoss), valueLoss: Double(valueLoss), entropy: Double(entropy), loss: Double(loss))
        guard policyLoss.isFinite, entropySum.isFinite, valueLoss.isFinite || critic == nil else { return false }
        return step.apply(learningRate: learningRate)
    }
}
