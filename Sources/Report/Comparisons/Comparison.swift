/// One comparison of a report: cell A against its reference cell B on one metric (a row of
/// `comparisons.csv`; docs/statistics.md defines each number).
package struct Comparison: Sendable {
    /// The test a comparison rests on.
    package enum Test: String, Sendable {
        /// The paired t-test on the differences of the seeds both cells share.
        case pairedT = "paired_t"
        /// Welch's unpaired t-test, when some run of one cell has no partner in the other.
        case welch
    }

    /// What the test says of A against B once Holm's correction is applied, oriented by the
    /// metric (`ComparisonMetric.higherIsBetter`).
    package enum Verdict: String, Sendable {
        /// A is significantly better than B: Holm-adjusted p < 0.05 in the metric's good direction.
        case better
        /// A is significantly worse than B.
        case worse
        /// No significant difference, or no test could be made.
        case inconclusive
    }

    /// The family-wise level of the verdicts.
    package static let alpha = 0.05

    /// The swept axis that differs between the cells: a key, or a zip group's keys joined by `+`.
    package var axis: String
    package var cellA: Int
    package var cellB: Int
    package var labelA: String
    package var labelB: String
    package var metric: ComparisonMetric
    /// The measurement step of a per-step metric (`log10_variance`); nil otherwise.
    package var step: Int?
    /// Runs of A and of B with a finite value, and seeds where both have one.
    package var nA: Int
    package var nB: Int
    package var nPaired: Int
    /// Means over every run of A and of B with a finite value.
    package var meanA: Double
    package var meanB: Double
    /// The test used; nil when neither applies (fewer than two runs on a side).
    package var test: Test?
    /// The difference the test is about, A − B: d̄ over the seeds for the paired test (and
    /// without a test when every run is paired), x̄_a − x̄_b otherwise.
    package var meanDifference: Double
    /// The test's 95% Student interval of `meanDifference`.
    package var differenceInterval: ConfidenceInterval
    /// The test's statistic, degrees of freedom and two-sided p-value (NaN without a test).
    package var t: Double
    package var degreesOfFreedom: Double
    package var p: Double
    /// The Holm-adjusted p-value over the comparisons of the report with the same metric.
    package var pHolm: Double
    /// P(X_A > X_B) over every run of A and of B, and its Newcombe interval.
    package var pImprovement: Double
    package var pImprovementInterval: ConfidenceInterval

    /// `better` or `worse` when the Holm-adjusted p is below `alpha`, by the sign of the
    /// difference and the metric's orientation; `inconclusive` otherwise.
    package var verdict: Verdict {
        guard pHolm < Self.alpha, meanDifference != 0 else { return .inconclusive }
        return (meanDifference > 0) == metric.higherIsBetter ? .better : .worse
    }

    /// `log10_variance` only: B's measurement step paired with A's `step` (the k-th of each),
    /// the seeds of A and of B that measured exactly zero variance there (left out), and why
    /// the row concludes nothing or what it left out; nil, 0 and empty otherwise.
    package var stepB: Int? = nil
    package var zeroA = 0
    package var zeroB = 0
    package var note = ""
}
