import Foundation

/// How many seeds a t-test needs to detect a difference δ with a given power (Colas et al. 2018).
///
/// Paired (seeds shared by both cells): a one-sample t-test on the n differences, with
/// ν = n − 1 and noncentrality λ = δ √n / σ_d (σ_d the standard deviation of the differences).
/// Independent (equal n per cell): Student's two-sample test with ν = 2n − 2 and
/// λ = δ / (σ √(2/n)). The power of the two-sided test at level α is
/// P(|T'| > t_{1−α/2,ν}) for T' noncentral t(ν, λ), computed as
/// E_U[1 − Φ(c U/√ν − λ) + Φ(−c U/√ν − λ)] over U ~ χ_ν (Simpson's rule), c = t_{1−α/2,ν}; the
/// one-sided test's is P(T' > t_{1−α,ν}) = E_U[1 − Φ(c U/√ν − λ)], c = t_{1−α,ν}; the count is the
/// least n ≥ 2 whose power reaches the target (statsmodels' `TTestPower` / `TTestIndPower`
/// `solve_power`, rounded up; `alternative="larger"` for one side).
package enum SeedCount {
    package enum Design: Sendable { case paired, independent }

    /// Which differences the test rejects: either sign (|T| > t_{1−α/2,ν}), or only a difference
    /// in the direction δ names (T > t_{1−α,ν}).
    package enum Sides: Sendable { case two, one }

    /// The power of the test with n seeds (per cell, for `independent`).
    package static func power(
        n: Int, sigma: Double, delta: Double, alpha: Double, design: Design, sides: Sides = .two
    ) -> Double {
        let nu = Double(design == .paired ? n - 1 : 2 * n - 2)
        guard nu >= 1, sigma > 0 else { return .nan }
        let lambda = design == .paired
            ? delta * Double(n).squareRoot() / sigma
            : delta / (sigma * (2 / Double(n)).squareRoot())
        let c = Distributions.studentQuantile(sides == .two ? 1 - alpha / 2 : 1 - alpha, df: nu)
        // χ_ν density: u^{ν−1} e^{−u²/2} / (2^{ν/2−1} Γ(ν/2)); its mass lies below √ν + 12.
        let logNorm = (nu / 2 - 1) * log(2.0) + lgamma(nu / 2)
        let upper = nu.squareRoot() + 12
        let steps = 4000
        let h = upper / Double(steps)
        var sum = 0.0
        for i in 0...steps {
            let u = Double(i) * h
            let density = u == 0 ? (nu == 1 ? exp(-logNorm) : 0) : exp((nu - 1) * log(u) - u * u / 2 - logNorm)
            let scaled = c * u / nu.squareRoot()
            let upper = 1 - Distributions.normalCDF(scaled - lambda)
            let reject = sides == .two ? upper + Distributions.normalCDF(-scaled - lambda) : upper
            let weight = i == 0 || i == steps ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)
            sum += weight * density * reject
        }
        return sum * h / 3
    }

    /// The least n in 2…`limit` with power ≥ `target`; nil when σ or δ is not positive and
    /// finite, or when even `limit` seeds fall short.
    package static func required(
        sigma: Double, delta: Double, alpha: Double = 0.05, target: Double = 0.8,
        design: Design, sides: Sides = .two, limit: Int = 100_000
    ) -> Int? {
        guard sigma > 0, sigma.isFinite, delta > 0, delta.isFinite else { return nil }
        func enough(_ n: Int) -> Bool {
            power(n: n, sigma: sigma, delta: delta, alpha: alpha, design: design, sides: sides) >= target
        }
        guard enough(limit) else { return nil }
        // Power grows with n: bisect for the first n that is enough.
        var low = 1
        var high = limit
        while high - low > 1 {
            let mid = (low + high) / 2
            if mid >= 2 && enough(mid) { high = mid } else { low = mid }
        }
        return high
    }
}
