import Foundation

/// The standard normal, Student t and chi-square distributions: distribution functions and
/// quantiles.
package enum Distributions {
    /// Φ(z) = ½ erfc(−z / √2).
    package static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// Φ⁻¹(q) for q in (0, 1), by bisection on Φ (exact to the last bits, no table).
    package static func normalQuantile(_ q: Double) -> Double {
        guard q > 0 && q < 1 else { return q == 0 ? -.infinity : q == 1 ? .infinity : .nan }
        return SpecialFunctions.bisect(low: -40, high: 40) { normalCDF($0) - q }
    }

    /// The Student t distribution function with ν = `df` degrees of freedom (ν > 0, real):
    /// F(t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, and 1 − F(−t) below 0.
    package static func studentCDF(_ t: Double, df: Double) -> Double {
        if t.isNaN || !(df > 0) { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let tail = 0.5 * SpecialFunctions.regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The two-sided p-value of a t statistic: P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½), computed
    /// directly (not as 1 − F) so tiny p-values keep their digits.
    package static func studentTwoSidedP(_ t: Double, df: Double) -> Double {
        if t.isNaN || !(df > 0) { return .nan }
        if t.isInfinite { return 0 }
        return SpecialFunctions.regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
    }

    /// The q-quantile of Student's t with ν = `df`, by bisection on F.
    package static func studentQuantile(_ q: Double, df: Double) -> Double {
        guard q > 0 && q < 1 && df > 0 else { return .nan }
        var bound = 2.0
        while studentCDF(bound, df: df) < max(q, 1 - q) && bound < 1e300 { bound *= 2 }
        return SpecialFunctions.bisect(low: -bound, high: bound) { studentCDF($0, df: df) - q }
    }

    /// The chi-square distribution function with ν = `df` degrees of freedom: F(x) = P(ν/2, x/2).
    package static func chiSquareCDF(_ x: Double, df: Double) -> Double {
        SpecialFunctions.regularizedLowerIncompleteGamma(x / 2, a: df / 2)
    }

    /// The q-quantile of the chi-square distribution with ν = `df`, by bisection on F.
    package static func chiSquareQuantile(_ q: Double, df: Double) -> Double {
        guard q > 0 && q < 1 && df > 0 else { return .nan }
        var bound = max(2 * df, 2.0)
        while chiSquareCDF(bound, df: df) < q && bound < 1e300 { bound *= 2 }
        return SpecialFunctions.bisect(low: 0, high: bound) { chiSquareCDF($0, df: df) - q }
    }
}
