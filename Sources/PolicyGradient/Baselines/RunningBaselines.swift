/// The two constant baselines, estimated from earlier updates only so that the estimate they
/// are subtracted from stays unbiased (a constant is a state-independent baseline; Williams 1992,
/// Greensmith, Bartlett & Baxter 2004).
///
/// With update u = 0, 1, …, U − 1 before the current one, its batch's terms k ∈ B_u and the
/// weight λ_u = decay^(U − 1 − u) (`baseline_decay`; 1, the default, weighs every update alike):
///
/// - `mean`: b = Σ_u λ_u Σ_{k∈B_u} Q̂_k / Σ_u λ_u |B_u|, every Q̂ term of the earlier batches
///   (so a REINFORCE episode weighs by its length);
/// - `optimal`: the constant minimizing E‖gX − b·gY‖², the variance of the estimate, where
///   `gX = termScale Σ_k w_k ∇log π(a_k|s_k) Q̂_k` and `gY = termScale Σ_k w_k ∇log π(a_k|s_k)`
///   (ĝ = gX − b·gY): `b* = E[gX·gY] / E[|gY|²]`, estimated as `Σ_u λ_u gX_u·gY_u / Σ_u λ_u |gY_u|²`.
///
/// Both are 0 before the first update. Sums are kept in Double.
public struct RunningBaselines: Codable, Sendable, Equatable {
    /// The factor every earlier update's sums are multiplied by when a new update is added.
    public private(set) var decay = 1.0
    public private(set) var qEstimateSum = 0.0
    /// Σ_u λ_u |B_u|: with decay 1, the number of terms so far.
    public private(set) var qEstimateWeight = 0.0
    public private(set) var crossSum = 0.0
    public private(set) var squareSum = 0.0

    /// Running baselines whose earlier updates fade by `decay` ∈ (0, 1] per update.
    public init(decay: Double = 1) {
        precondition(decay > 0 && decay <= 1, "baseline decay must be in (0, 1]")
        self.decay = decay
    }

    /// The current `mean` baseline.
    public var mean: Float { qEstimateWeight > 0 ? Float(qEstimateSum / qEstimateWeight) : 0 }

    /// The current `optimal` baseline (0 while Σ |gY|² is 0).
    public var optimal: Float { squareSum > 0 ? Float(crossSum / squareSum) : 0 }

    /// The numbers behind a baseline setting now; `.value` needs the run to have a critic.
    public func resolve(_ kind: Baseline, hasCritic: Bool) -> ResolvedBaseline {
        switch kind {
        case .none: return .none
        case .mean: return .constant(mean)
        case .optimal: return .constant(optimal)
        case .value:
            precondition(hasCritic, "the value baseline needs a critic")
            return .value
        }
    }

    /// Adds one batch's Q-estimates to the running mean (after fading the earlier ones).
    public mutating func addQEstimates(_ q: UnsafeBufferPointer<Float>) {
        // With decay 1 these products are exact: the sums are those of a plain running mean.
        qEstimateSum *= decay
        qEstimateWeight *= decay
        for x in q { qEstimateSum += Double(x) }
        qEstimateWeight += Double(q.count)
    }

    /// Adds one batch's `gX·gY` and `|gY|²` (after fading the earlier ones).
    public mutating func addGradientProducts(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int
    ) {
        var xy = 0.0, yy = 0.0
        for j in 0..<count {
            let b = Double(y[j])
            xy += Double(x[j]) * b
            yy += b * b
        }
        crossSum = crossSum * decay + xy
        squareSum = squareSum * decay + yy
    }
}
