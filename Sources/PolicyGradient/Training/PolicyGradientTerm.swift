/// The policy-gradient term of a batch, the score-function estimate of ∇J (Williams 1992;
/// Sutton et al. 2000):
///
///     ĝ = termScale · Σ_k w_k · ∇θ log π(a_k|s_k) · Â_k,    Â_k = Q̂_k − B(s_k),
///
/// with Â standardized over the batch when `normalize_advantage` is on. Training adds it as a
/// loss gradient (`scale = −1`); diagnostics measure it (`scale = 1`), through the same code.
final class PolicyGradientTerm {
    let forwarded: ForwardedBatch
    let normalizeAdvantage: Bool
    private let coefficients = ScratchBuffer<Float>(zero: 0)
    private let advantageScratch = ScratchBuffer<Float>(zero: 0)
    private let gradientX = ScratchBuffer<Float>(zero: 0)
    private let gradientY = ScratchBuffer<Float>(zero: 0)

    var policy: PolicyModel { forwarded.policy }

    init(forwarded: ForwardedBatch, normalizeAdvantage: Bool) {
        self.forwarded = forwarded
        self.normalizeAdvantage = normalizeAdvantage
    }

    /// Adds `scale · ĝ` plus the gradient of `β Σ_k H(π(·|s_k))` in one backward pass; returns
    /// the policy loss `−termScale Σ_k w_k Â_k log π(a_k|s_k)`.
    @discardableResult
    func accumulate(_ batch: Rollout, baseline: ResolvedBaseline, scale: Float, entropyCoefficient beta: Float) -> Float {
        forwarded.ensure(batch)
        let count = batch.count
        coefficients.reserve(count)
        advantageScratch.reserve(count)
        let c = coefficients.pointer, advantage = advantageScratch.pointer
        baseline.subtract(from: batch, into: advantage)
        if normalizeAdvantage { ReturnEstimators.normalize(advantage, count: count) }
        let w = batch.weightStorage.pointer, logProb = batch.logProbStorage.pointer
        let termScale = batch.termScale
        var loss: Float = 0
        for k in 0..<count {
            let term = termScale * w[k] * advantage[k]
            loss -= term * logProb[k]
            c[k] = scale * term
        }
        policy.accumulateGradient(
            actions: batch.actionStorage.pointer, continuous: batch.continuousActionStorage.pointer, coefficients: c,
            entropyCoefficient: beta, count: count)
        return loss
    }

    /// Adds `scale · ĝ` for advantages given in Double (already baseline-subtracted and, where
    /// the estimator asks, standardized): each coefficient `scale · termScale · w_k · Â_k` is
    /// formed in Double and rounded once, so Â keeps its precision however large Q̂ and B are.
    func accumulate(_ batch: Rollout, advantages: UnsafePointer<Double>, scale: Float) {
        forwarded.ensure(batch)
        let count = batch.count
        coefficients.reserve(count)
        let c = coefficients.pointer, w = batch.weightStorage.pointer
        let factor = Double(scale) * Double(batch.termScale)
        for k in 0..<count { c[k] = Float(factor * Double(w[k]) * advantages[k]) }
        policy.accumulateGradient(
            actions: batch.actionStorage.pointer, continuous: batch.continuousActionStorage.pointer, coefficients: c,
            entropyCoefficient: 0, count: count)
    }

    /// Adds this batch's `gX·gY` and `|gY|²` to the optimal baseline's sums, where
    /// `gX = termScale Σ_k w_k ∇log π_k Q̂_k` and `gY = termScale Σ_k w_k ∇log π_k` (so ĝ = gX − b·gY).
    /// Leaves the gradient zeroed.
    func addOptimalBaselineStatistics(_ batch: Rollout, to baselines: inout RunningBaselines) {
        forwarded.ensure(batch)
        let buffer = policy.parameters
        let count = batch.count
        coefficients.reserve(count)
        gradientX.reserve(buffer.count)
        gradientY.reserve(buffer.count)
        let c = coefficients.pointer, w = batch.weightStorage.pointer, qEstimate = batch.qEstimateStorage.pointer
        let actions = batch.actionStorage.pointer, continuous = batch.continuousActionStorage.pointer
        buffer.zeroGradient()
        for k in 0..<count { c[k] = batch.termScale * w[k] * qEstimate[k] }
        policy.accumulateGradient(actions: actions, continuous: continuous, coefficients: c, entropyCoefficient: 0, count: count)
        gradientX.pointer.update(from: buffer.gradient, count: buffer.count)
        buffer.zeroGradient()
        for k in 0..<count { c[k] = batch.termScale * w[k] }
        policy.accumulateGradient(actions: actions, continuous: continuous, coefficients: c, entropyCoefficient: 0, count: count)
        gradientY.pointer.update(from: buffer.gradient, count: buffer.count)
        buffer.zeroGradient()
        baselines.addGradientProducts(x: gradientX.pointer, y: gradientY.pointer, count: buffer.count)
    }
}
