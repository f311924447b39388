/// One comparison of a report: cell A against its reference cell B on one metric (a row of
/// `comparisons.csv`; docs/statistics.md defines each number).
package struct Comparison: Sendable {
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
    /// d̄, the mean over paired seeds of a_i − b_i, and its paired bootstrap interval.
    package var meanDifference: Double
    package var differenceInterval: ConfidenceInterval
    /// Welch's test on the unpaired runs, a cross-check of the paired interval.
    package var welch: WelchTest
    /// The Holm-adjusted p-value over the comparisons of the report with the same metric.
    package var pHolm: Double
    /// P(X_A > X_B) over every run of A and of B, and its bootstrap interval.
    package var pImprovement: Double
    package var pImprovementInterval: ConfidenceInterval

    /// `log10_variance` only: B's measurement step paired with A's `step` (the k-th of each),
    /// the seeds of A and of B that measured exactly zero variance there (left out), and why
    /// the row concludes nothing or what it left out; nil, 0 and empty otherwise.
    package var stepB: Int? = nil
    package var zeroA = 0
    package var zeroB = 0
    package var note = ""

    /// Whether the interval of the difference is wider than the difference itself: the
    /// comparison cannot tell the effect from its own uncertainty (more seeds needed).
    package var intervalWiderThanEffect: Bool {
        differenceInterval.high - differenceInterval.low > abs(meanDifference)
    }
}
