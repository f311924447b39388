/// The paired t-test: a one-sample t-test on the differences d_i = a_i − b_i of the seeds two
/// cells share (scipy's `ttest_rel(a, b)`).
///
/// With n differences, mean d̄ and sample standard deviation s_d (n − 1 denominator):
/// SE = s_d / √n, t = d̄ / SE, ν = n − 1, p = P(|T_ν| ≥ |t|), two-sided. t and p are NaN with
/// fewer than two differences, or when they are all equal (no scale to measure by); the
/// interval is then Student's on SE = 0, [d̄, d̄].
package struct PairedTTest: Sendable, Equatable {
    /// d̄, the mean of the differences.
    package var meanDifference: Double
    /// s_d / √n; NaN with fewer than two differences.
    package var standardError: Double
    package var t: Double
    package var degreesOfFreedom: Double
    package var p: Double

    package init(differences d: [Double]) {
        meanDifference = Statistics.mean(d)
        standardError = Statistics.standardError(d)
        t = .nan
        degreesOfFreedom = .nan
        p = .nan
        guard d.count >= 2 else { return }
        degreesOfFreedom = Double(d.count - 1)
        guard standardError > 0 else { return }
        t = meanDifference / standardError
        p = Distributions.studentTwoSidedP(t, df: degreesOfFreedom)
    }

    /// Student's interval of the mean difference, d̄ ± t_{1−α/2, n−1} SE: the interval that
    /// excludes 0 exactly when p < α.
    package func interval(confidence: Double = 0.95) -> ConfidenceInterval {
        StudentInterval.around(
            meanDifference, standardError: standardError, degreesOfFreedom: degreesOfFreedom, confidence: confidence)
    }
}
