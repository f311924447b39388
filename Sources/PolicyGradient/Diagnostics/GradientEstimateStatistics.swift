/// The spread and agreement of K gradient estimates ĝ_1, …, ĝ_K (each a length-P vector),
/// accumulated one estimate at a time, in Double (docs/architecture.md, "Gradient diagnostics").
///
/// With ḡ = (1/K) Σ_k ĝ_k:
///
///     v̂ = Σ_k ‖ĝ_k − ḡ‖² / (K − 1)                         (`variance`)
///     snr = ‖ḡ‖² / v̂                                        (`snr`)
///     snr_unbiased = (‖ḡ‖² − v̂/K) / v̂                       (`unbiasedSNR`)
///     pairwise_cosine = mean over pairs i < j of cos(ĝ_i, ĝ_j)
///     cosine_to_mean = (1/K) Σ_k cos(ĝ_k, ḡ)
///
/// `variance` is the trace of the sample covariance, from Welford's update per component.
///
/// Why the correction: for K independent estimates with mean g and covariance Σ,
/// E‖ḡ‖² = ‖g‖² + tr Cov(ḡ) = ‖g‖² + tr Σ / K, and E v̂ = tr Σ (the K − 1 divisor), so
/// ‖ḡ‖² − v̂/K is an unbiased estimate of ‖g‖². `snr` divides the biased ‖ḡ‖² by v̂ and sits
/// near 1/K when there is no signal at all (g = 0); `unbiasedSNR` = snr − 1/K, the ratio of
/// the two unbiased estimates, sits near 0 there and is negative when the noise exceeds the
/// signal. (A ratio of unbiased estimates is not itself unbiased; its numerator is.)
///
/// The cosines follow Ilyas et al. (2020), "A closer look at deep policy gradients": 1 when
/// every estimate points the same way, near 0 for estimates that are mostly noise. The
/// cosine of a zero vector is undefined, so estimates with ‖ĝ_k‖ = 0 are left out of both
/// means (NaN when fewer than two, or no, estimates remain, or when ḡ = 0). With
/// u_k = ĝ_k / ‖ĝ_k‖ over the m nonzero estimates and U = Σ_k u_k, both come from U alone:
///
///     Σ_{i<j} u_i·u_j = (‖U‖² − m) / 2,   Σ_k cos(ĝ_k, ḡ) = U·ḡ / ‖ḡ‖,
///
/// so no estimate is stored.
public struct GradientEstimateStatistics: Sendable {
    /// K so far.
    public private(set) var count = 0
    /// ḡ, the running mean.
    public private(set) var mean: [Double]
    /// Σ_k (ĝ_k − ḡ_{k−1}) ⊙ (ĝ_k − ḡ_k) per component (Welford), whose sum is (K − 1) v̂.
    private var m2: [Double]
    /// U, the sum of the nonzero estimates' unit vectors, and m, how many there were.
    private var unitSum: [Double]
    private var nonzero = 0

    /// No estimate yet, of length `dimension`.
    public init(dimension: Int) {
        mean = [Double](repeating: 0, count: dimension)
        m2 = mean
        unitSum = mean
    }

    /// Adds one estimate (length P).
    public mutating func add(_ estimate: [Double]) {
        count += 1
        let inverseCount = 1 / Double(count)
        let P = mean.count
        mean.withUnsafeMutableBufferPointer { meanPointer in
            m2.withUnsafeMutableBufferPointer { m2Pointer in
                for j in 0..<P {
                    let x = estimate[j]
                    let old = meanPointer[j]
                    let new = old + (x - old) * inverseCount
                    meanPointer[j] = new
                    m2Pointer[j] += (x - old) * (x - new)
                }
            }
        }
        var normSquared = 0.0
        for j in 0..<P { normSquared += estimate[j] * estimate[j] }
        guard normSquared > 0 else { return }
        nonzero += 1
        let inverseNorm = 1 / normSquared.squareRoot()
        unitSum.withUnsafeMutableBufferPointer { u in
            for j in 0..<P { u[j] += estimate[j] * inverseNorm }
        }
    }

    /// ‖ḡ‖².
    public var meanNormSquared: Double {
        var s = 0.0
        for x in mean { s += x * x }
        return s
    }

    /// v̂ = Σ_k ‖ĝ_k − ḡ‖² / (K − 1); NaN with K < 2.
    public var variance: Double {
        var spread = 0.0
        for x in m2 { spread += x }
        return count > 1 ? spread / Double(count - 1) : .nan
    }

    /// ‖ḡ‖² / v̂.
    public var snr: Double { meanNormSquared / variance }

    /// (‖ḡ‖² − v̂/K) / v̂.
    public var unbiasedSNR: Double {
        let v = variance
        return (meanNormSquared - v / Double(count)) / v
    }

    /// The mean over pairs of nonzero estimates of cos(ĝ_i, ĝ_j); NaN with fewer than two.
    public var pairwiseCosine: Double {
        guard nonzero >= 2 else { return .nan }
        var u = 0.0
        for x in unitSum { u += x * x }
        let m = Double(nonzero)
        return (u - m) / (m * (m - 1))
    }

    /// The mean over nonzero estimates of cos(ĝ_k, ḡ); NaN without one or when ḡ = 0.
    public var cosineToMean: Double {
        let norm = meanNormSquared.squareRoot()
        guard nonzero >= 1, norm > 0 else { return .nan }
        var dot = 0.0
        for (u, g) in zip(unitSum, mean) { dot += u * g }
        return dot / (norm * Double(nonzero))
    }
}
