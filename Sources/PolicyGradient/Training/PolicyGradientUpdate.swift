/// One gradient step per batch, for REINFORCE, actor_critic, a2c and gae:
///
///     L = −termScale · Σ_k w_k · Â_k · log π(a_k|s_k)  −  β · mean_k H(π(·|s_k))  +  c · mean_k (y_k − V(s_k))²
///
/// whose first term's gradient is `−ĝ` (`PolicyGradientTerm`), β is `entropy_coef` and c
/// `value_coef`; the critic term is absent without a critic. Its estimators: Williams 1992
/// (REINFORCE), Sutton et al. 2000 (actor_critic), Mnih et al. 2016 (a2c, as Stable-Baselines3),
/// Schulman et al. 2016 (gae). The gradient of each term is accumulated by its own backward
/// pass with the coefficient it has in L.
final class PolicyGradientUpdate {
    let term: PolicyGradientTerm
    let critic: (any Critic)?
    let isQCritic: Bool
    let step: GradientStep
    /// β, `entropy_coef`.
    let entropyCoefficient: Float
    /// c, `value_coef`.
    let valueCoefficient: Float

    init(term: PolicyGradientTerm, critic: (any Critic)?, isQCritic: Bool, step: GradientStep, settings: TrainerSettings) {
        self.term = term
        self.critic = critic
        self.isQCritic = isQCritic
        self.step = step
        self.entropyCoefficient = Float(settings.entropyCoef)
        self.valueCoefficient = Float(settings.critic.valueCoef)
    }

    /// One step on L from `batch`. Returns false when a loss, the gradient norm or a
    /// parameter is not finite (the run has diverged).
    func update(
        _ batch: Rollout, baseline: ResolvedBaseline, learningRate: Float, stepsDone _: Int, metrics: inout UpdateMetrics
    ) -> Bool {
        step.zeroGradients()
        let count = batch.count
        let inverseCount = 1 / Float(count)
        let beta = entropyCoefficient, c = valueCoefficient
        let policyLoss = term.accumulate(batch, baseline: baseline, scale: -1, entropyCoefficient: -beta * inverseCount)
        var entropySum: Float = 0
        let policy = term.policy
        for k in 0..<count { entropySum += policy.entropy(row: k) }
        var valueLoss = Float.nan
        if let critic {
            // ∂/∂V of c · mean (y − V)² is c · 2 (V − y) / count.
            let halfSquares = critic.accumulateSquaredErrorGradient(
                targets: batch.criticTargetStorage.pointer, actions: isQCritic ? batch.actionStorage.pointer : nil,
                scale: c * 2 * inverseCount, count: count, row: 0)
            valueLoss = 2 * halfSquares * inverseCount
            guard valueLoss.isFinite else { return false }
        }
        let entropy = entropySum * inverseCount
        // L, whose three terms' gradients were accumulated above with these coefficients.
        let loss = policyLoss - beta * entropy + (critic == nil ? 0 : c * valueLoss)
        metrics = UpdateMetrics(
            policyLoss: Double(policyLoss), valueLoss: Double(valueLoss), entropy: Double(entropy), loss: Double(loss))
        guard policyLoss.isFinite, entropySum.isFinite else { return false }
        return step.apply(learningRate: learningRate)
    }
}
