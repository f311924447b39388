/// One gradient step per batch, for REINFORCE, actor_critic, a2c and gae:
///
///     L = −termScale · Σ_k w_k · Â_k · log π(a_k|s_k)  −  β · mean_k H(π(·|s_k))  +  c · mean_k (y_k − V(s_k))²
///
/// whose first term's gradient is `−ĝ` (`PolicyGradientTerm`), β is `entropy_coef` and c
/// `value_coef`; the critic term is absent without a critic. Its estimators: Williams 1992
/// (REINFORCE), Sutton et al. 2000 (actor_critic), Mnih et al. 2016 (a2c, as Stable-Baselines3),
/// Schulman et al. 2016 (gae). The gradient of each term is accumulated by its own backward
/// pass with the coefficient it has in L; `UpdateLoss` adds up L and checks it. Alongside,
/// `statistics` records the step as Stable-Baselines3's `A2C.train()` logs it (`UpdateStatistics`;
/// the batch is its one minibatch).
final class PolicyGradientUpdate {
    let term: PolicyGradientTerm
    let critic: (any Critic)?
    let isQCritic: Bool
    let step: GradientStep
    /// β and c.
    let coefficients: UpdateLoss.Coefficients
    /// What the latest update measured (`updates` is 1: one pass over the batch).
    private(set) var statistics = UpdateStatistics()

    init(term: PolicyGradientTerm, critic: (any Critic)?, isQCritic: Bool, step: GradientStep, settings: TrainerSettings) {
        self.term = term
        self.critic = critic
        self.isQCritic = isQCritic
        self.step = step
        coefficients = UpdateLoss.Coefficients(settings: settings)
    }

    /// One step on L from `batch`. Returns false when a loss, the gradient norm or a
    /// parameter is not finite (the run has diverged).
    func update(
        _ batch: Rollout, baseline: ResolvedBaseline, learningRate: Float, stepsDone _: Int, metrics: inout UpdateMetrics
    ) -> Bool {
        step.zeroGradients()
        let count = batch.count
        let inverseCount = 1 / Float(count)
        let beta = coefficients.entropy, c = coefficients.value
        let policyLoss = term.accumulate(batch, baseline: baseline, scale: -1, entropyCoefficient: -beta * inverseCount)
        var loss = UpdateLoss(policyLoss: policyLoss, entropyOf: term.policy, count: count)
        if let critic {
            // ∂/∂V of c · mean (y − V)² is c · 2 (V − y) / count.
            let halfSquares = critic.accumulateSquaredErrorGradient(
                targets: batch.criticTargetStorage.pointer, actions: isQCritic ? batch.actionStorage.pointer : nil,
                scale: c * 2 * inverseCount, count: count, row: 0)
            loss.valueLoss = 2 * halfSquares * inverseCount
        }
        metrics = loss.metrics(coefficients)
        statistics = UpdateStatistics()
        statistics.updates = 1
        statistics.learningRate = Double(learningRate)
        statistics.policyGradientLoss = Double(loss.policyLoss)
        statistics.valueLoss = Double(loss.valueLoss ?? .nan)
        statistics.entropyLoss = -Double(loss.entropy)
        statistics.loss = Double(loss.total(coefficients))
        if critic != nil && !isQCritic { statistics.explainedVariance = UpdateStatistics.explainedVariance(of: batch) }
        guard loss.isFinite else { return false }
        guard step.apply(learningRate: learningRate) else { return false }
        statistics.gradNorm = Double(step.lastNorm)
        statistics.std = UpdateStatistics.std(of: term.policy)
        return true
    }
}
