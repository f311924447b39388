/// The variance of the estimate under every constant baseline at once, over the K batches of
/// one measurement, and the constant that minimizes it in sample (docs/architecture.md,
/// "Gradient diagnostics").
///
/// Without advantage normalization the estimate is linear in a constant baseline b:
///
///     ĝ_k(b) = X_k − b Y_k,   X_k = ĝ_k(0),   Y_k = termScale · Σ_i w_i ∇θ log π(a_i|s_i)
///
/// (Y_k is the estimate with every advantage 1). With centred sums over k,
/// S_XX = Σ ‖X_k − X̄‖², S_XY = Σ (X_k − X̄)·(Y_k − Ȳ), S_YY = Σ ‖Y_k − Ȳ‖²,
///
///     v̂(b) = (S_XX − 2b S_XY + b² S_YY) / (K − 1),
///     b̂ = S_XY / S_YY,   v̂(b̂) = (S_XX − S_XY² / S_YY) / (K − 1).
///
/// b̂ is chosen on the very batches it is scored on, so v̂(b̂) ≤ v̂(b) for every constant b
/// on these batches, the `mean` and `optimal` baselines' included: a lower bound on what a
/// constant baseline can reach here, not an estimate a training run could use (the
/// `optimal` baseline is b̂'s running counterpart over earlier batches). The sums use
/// Welford's co-moment update per component.
public struct ConstantBaselineSpread: Sendable {
    public private(set) var count = 0
    private var meanX: [Double]
    private var meanY: [Double]
    private var sxx = 0.0, sxy = 0.0, syy = 0.0

    /// No batch yet, for estimates of length `dimension`.
    public init(dimension: Int) {
        meanX = [Double](repeating: 0, count: dimension)
        meanY = meanX
    }

    /// Adds one batch's X_k = ĝ_k(0) and Y_k.
    public mutating func add(x: [Double], y: [Double]) {
        count += 1
        let inverseCount = 1 / Double(count)
        for j in 0..<meanX.count {
            let dx = x[j] - meanX[j], dy = y[j] - meanY[j]
            meanX[j] += dx * inverseCount
            meanY[j] += dy * inverseCount
            let dxNew = x[j] - meanX[j], dyNew = y[j] - meanY[j]
            sxx += dx * dxNew
            syy += dy * dyNew
            sxy += dx * dyNew
        }
    }

    /// b̂ = S_XY / S_YY; NaN with K < 2 or S_YY = 0.
    public var optimalConstant: Double {
        count > 1 && syy > 0 ? sxy / syy : .nan
    }

    /// v̂(b) for a constant b; NaN with K < 2.
    public func variance(at b: Double) -> Double {
        count > 1 ? (sxx - 2 * b * sxy + b * b * syy) / Double(count - 1) : .nan
    }

    /// v̂(b̂) = (S_XX − S_XY² / S_YY) / (K − 1), never below 0; NaN when b̂ is.
    public var minimumVariance: Double {
        guard optimalConstant.isFinite else { return .nan }
        return max(0, sxx - sxy * sxy / syy) / Double(count - 1)
    }
}
