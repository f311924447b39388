/// Student's t confidence intervals: for the mean of seeds, for a paired mean difference
/// (the mean of the differences), and for an estimate with a known standard error and degrees
/// of freedom (Welch's difference of means).
///
/// For x_1 … x_n with mean x̄ and sample standard deviation s, the interval is
/// x̄ ± t_{1−α/2, n−1} · s / √n (α = 1 − `confidence`). It is exact for normal data at every
/// n ≥ 2, and close to nominal for moderately skewed data (docs/statistics.md, "Coverage").
/// No random draw: the same values give the same bits.
package enum StudentInterval {
    /// The t interval of the mean of `x`; `unavailable` with fewer than two values or a NaN
    /// (one seed measures no spread), [x̄, x̄] when every value is the same.
    package static func mean(_ x: [Double], confidence: Double = 0.95) -> ConfidenceInterval {
        guard x.count >= 2, !x.contains(where: \.isNaN) else { return .unavailable }
        return around(
            Statistics.mean(x), standardError: Statistics.standardError(x),
            degreesOfFreedom: Double(x.count - 1), confidence: confidence)
    }

    /// estimate ± t_{1−α/2, ν} · SE; [estimate, estimate] when SE = 0, `unavailable` when any
    /// input is NaN or ν is not positive.
    package static func around(
        _ estimate: Double, standardError: Double, degreesOfFreedom: Double, confidence: Double = 0.95
    ) -> ConfidenceInterval {
        guard estimate.isFinite, standardError >= 0, standardError.isFinite, degreesOfFreedom > 0 else {
            return .unavailable
        }
        if standardError == 0 { return ConfidenceInterval(low: estimate, high: estimate) }
        let half = Distributions.studentQuantile(1 - (1 - confidence) / 2, df: degreesOfFreedom) * standardError
        return ConfidenceInterval(low: estimate - half, high: estimate + half)
    }
}
