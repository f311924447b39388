/// Welch's unequal-variances t-test of two independent samples (scipy's
/// `ttest_ind(a, b, equal_var=False)`).
///
/// With means x̄_a, x̄_b, sample variances s²_a, s²_b (n − 1 denominators) and v = s²/n:
/// t = (x̄_a − x̄_b) / √(v_a + v_b), ν = (v_a + v_b)² / (v_a² / (n_a − 1) + v_b² / (n_b − 1))
/// (Welch–Satterthwaite), p = P(|T_ν| ≥ |t|), two-sided. Every field is NaN when either sample
/// has fewer than two values; t, ν and p are NaN when both have zero variance (no scale to
/// measure by).
package struct WelchTest: Sendable, Equatable {
    /// x̄_a − x̄_b.
    package var meanDifference: Double
    /// √(v_a + v_b).
    package var standardError: Double
    package var t: Double
    package var degreesOfFreedom: Double
    package var p: Double

    package init(_ a: [Double], _ b: [Double]) {
        meanDifference = .nan
        standardError = .nan
        t = .nan
        degreesOfFreedom = .nan
        p = .nan
        guard a.count >= 2, b.count >= 2 else { return }
        let va = Statistics.variance(a) / Double(a.count)
        let vb = Statistics.variance(b) / Double(b.count)
        meanDifference = Statistics.mean(a) - Statistics.mean(b)
        standardError = (va + vb).squareRoot()
        guard va + vb > 0 else { return }
        t = meanDifference / standardError
        degreesOfFreedom = (va + vb) * (va + vb)
            / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
        p = Distributions.studentTwoSidedP(t, df: degreesOfFreedom)
    }

    /// Welch's interval of x̄_a − x̄_b, (x̄_a − x̄_b) ± t_{1−α/2, ν} √(v_a + v_b): the interval
    /// that excludes 0 exactly when p < α; [d, d] when neither sample varies.
    package func interval(confidence: Double = 0.95) -> ConfidenceInterval {
        if standardError == 0 { return ConfidenceInterval(low: meanDifference, high: meanDifference) }
        return StudentInterval.around(
            meanDifference, standardError: standardError, degreesOfFreedom: degreesOfFreedom, confidence: confidence)
    }
}
