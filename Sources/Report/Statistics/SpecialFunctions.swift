import Foundation

/// The regularized incomplete beta function, from which the Student t distribution follows.
enum SpecialFunctions {
    /// I_x(a, b) = B(x; a, b) / B(a, b), for a, b > 0 and x in [0, 1].
    ///
    /// Evaluated by the continued fraction of Abramowitz & Stegun 26.5.8 (modified Lentz),
    /// on I_x(a, b) directly when x < (a + 1) / (a + b + 2), where it converges fast, and as
    /// 1 − I_{1−x}(b, a) otherwise. Relative accuracy about 1e-14 in the tails that p-values use.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x.isNaN || a.isNaN || b.isNaN { return .nan }
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        // x^a (1 − x)^b / (a B(a, b)), in logarithms so large a, b do not overflow.
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
    }

    /// The continued fraction 1 / (1 + d₁ / (1 + d₂ / (1 + …))) with
    /// d_{2m} = m (b − m) x / ((a + 2m − 1)(a + 2m)) and
    /// d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ v: Double) -> Double { abs(v) < tiny ? tiny : v }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return h
    }

    /// The root of an increasing function f on [low, high] by bisection, to the last bits.
    static func bisect(low: Double, high: Double, _ f: (Double) -> Double) -> Double {
        var low = low
        var high = high
        for _ in 0..<2000 {
            let mid = (low + high) / 2
            if mid <= low || mid >= high { break }
            if f(mid) < 0 { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
