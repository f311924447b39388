import Foundation

/// The probability of improvement P(X_A > X_B) of Agarwal et al. (2021), as rliable defines it
/// for one task, with Newcombe's score interval.
///
/// P = (1 / (n_a n_b)) Σ_i Σ_j S(a_i, b_j), with S(x, y) = 1 if x > y, ½ if x = y, 0 otherwise:
/// the Mann–Whitney U statistic of A over B divided by n_a n_b. It compares every run of A
/// with every run of B, so it does not use the pairing of seeds. NaN when either is empty.
package enum ProbabilityOfImprovement {
    package static func estimate(_ a: [Double], _ b: [Double]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return .nan }
        var wins = 0.0
        for x in a {
            for y in b {
                if x > y { wins += 1 } else if x == y { wins += 0.5 }
            }
        }
        return wins / Double(a.count * b.count)
    }

    /// Newcombe's (2006) score interval for P, his method 5: the θ in [0, 1] with
    /// (P − θ)² ≤ z² V(θ), z = Φ⁻¹(1 − α/2), where
    ///
    ///     V(θ) = θ(1 − θ) / (n_a n_b) · [(2N − 1) − (3N − 3) / ((2 − θ)(1 + θ))],  N = (n_a + n_b) / 2,
    ///
    /// is Hanley and McNeil's variance of the Mann–Whitney estimate with their exponential
    /// approximations of its two covariance terms, taken at θ rather than at P (as Wilson's
    /// interval does for a proportion). V vanishes at 0 and 1 only, so the interval never
    /// collapses: at complete separation (P = 1) it is [θ_L, 1] with θ_L < 1 (5 against 5:
    /// [0.643, 1]). Each end is found by bisection on [0, P] and [P, 1]. `unavailable` when
    /// either sample is empty.
    package static func interval(_ a: [Double], _ b: [Double], confidence: Double = 0.95) -> ConfidenceInterval {
        let p = estimate(a, b)
        guard p.isFinite else { return .unavailable }
        let z = Distributions.normalQuantile(1 - (1 - confidence) / 2)
        let pairs = Double(a.count * b.count)
        let n = Double(a.count + b.count) / 2
        // (P − θ)² − z² V(θ): ≥ 0 at θ = 0 and 1, ≤ 0 at θ = P.
        func excess(_ theta: Double) -> Double {
            let v = theta * (1 - theta) / pairs * ((2 * n - 1) - (3 * n - 3) / ((2 - theta) * (1 + theta)))
            return (p - theta) * (p - theta) - z * z * v
        }
        let low = p == 0 ? 0 : SpecialFunctions.bisect(low: 0, high: p) { -excess($0) }
        let high = p == 1 ? 1 : SpecialFunctions.bisect(low: p, high: 1) { excess($0) }
        return ConfidenceInterval(low: low, high: high)
    }
}
