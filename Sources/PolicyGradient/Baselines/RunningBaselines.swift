/// The two constant baselines, estimated from earlier updates only so that the estimate they
/// are subtracted from stays unbiased (a constant is a state-independent baseline; Williams 1992,
/// Greensmith, Bartlett & Baxter 2004).
///
/// - `mean`: b = (Σ Q̂) / (number of terms) over the batches of all earlier updates.
/// - `optimal`: the constant minimizing E‖gX − b·gY‖², the variance of the estimate, where
///   `gX = termScale Σ_k w_k ∇log π(a_k|s_k) Q̂_k` and `gY = termScale Σ_k w_k ∇log π(a_k|s_k)`
///   (ĝ = gX − b·gY): `b* = E[gX·gY] / E[|gY|²]`, estimated as `Σ gX·gY / Σ |gY|²` over earlier updates.
///
/// Both are 0 before the first update. Sums are kept in Double.
public struct RunningBaselines: Codable, Sendable, Equatable {
    public private(set) var qEstimateSum = 0.0
    public private(set) var qEstimateCount = 0
    public private(set) var crossSum = 0.0
    public private(set) var squareSum = 0.0

    public init() {}

    /// The current `mean` baseline.
    public var mean: Float { qEstimateCount > 0 ? Float(qEstimateSum / Double(qEstimateCount)) : 0 }

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

    /// Adds one batch's Q-estimates to the running mean.
    public mutating func addQEstimates(_ q: UnsafeBufferPointer<Float>) {
        for x in q { qEstimateSum += Double(x) }
        qEstimateCount += q.count
    }

    /// Adds one batch's `gX·gY` and `|gY|²`.
    public mutating func addGradientProducts(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int
    ) {
        var xy = 0.0, yy = 0.0
        for j in 0..<count {
            let b = Double(y[j])
            xy += Double(x[j]) * b
            yy += b * b
        }
        crossSum += xy
        squareSum += yy
    }
}
