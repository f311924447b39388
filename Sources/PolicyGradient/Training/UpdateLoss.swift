/// The loss of one gradient step over m terms (a batch, or one of PPO's minibatches), as both
/// update rules assemble it:
///
///     L = policyLoss − β·H̄ + c·valueLoss,    H̄ = (1/m) · Σ_{i<m} H(π(·|s_i))
///
/// β `entropy_coef`, c `value_coef`; the value term is absent without a critic. The policy loss
/// is the update's own (`PolicyGradientTerm`, `ClippedSurrogate`), the value loss the critic's
/// mean squared error (or `ClippedValueLoss`). Each term's gradient is accumulated by its own
/// backward pass, with the coefficient it has in L; this value only adds the numbers up, for
/// the curve and the divergence check.
struct UpdateLoss {
    /// β and c, the weights of the entropy and value terms.
    struct Coefficients {
        /// β, `entropy_coef`.
        let entropy: Float
        /// c, `value_coef`.
        let value: Float

        init(settings: TrainerSettings) {
            entropy = Float(settings.entropyCoef)
            value = Float(settings.critic.valueCoef)
        }
    }

    /// The policy-gradient or clipped-surrogate part.
    let policyLoss: Float
    /// Σ_{i<m} H(π(·|s_i)), summed in row order.
    let entropySum: Float
    /// m.
    let count: Int
    /// The critic's part; nil without a critic.
    var valueLoss: Float?

    /// The loss with the entropies of the policy's forwarded rows `0..<count`, read now, before
    /// anything forwards over them.
    init(policyLoss: Float, entropyOf policy: PolicyModel, count: Int) {
        var entropySum: Float = 0
        for i in 0..<count { entropySum += policy.entropy(row: i) }
        self.policyLoss = policyLoss
        self.entropySum = entropySum
        self.count = count
    }

    /// H̄, the mean entropy.
    var entropy: Float { entropySum * (1 / Float(count)) }

    /// L with coefficients β and c.
    func total(_ coefficients: Coefficients) -> Float {
        policyLoss - coefficients.entropy * entropy + (valueLoss.map { coefficients.value * $0 } ?? 0)
    }

    /// Whether every part is finite; a step whose loss is not has diverged.
    var isFinite: Bool { policyLoss.isFinite && entropySum.isFinite && (valueLoss?.isFinite ?? true) }

    /// What the curve records of this step (the value loss NaN without a critic).
    func metrics(_ coefficients: Coefficients) -> UpdateMetrics {
        UpdateMetrics(
            policyLoss: Double(policyLoss), valueLoss: Double(valueLoss ?? .nan), entropy: Double(entropy),
            loss: Double(total(coefficients)))
    }
}
