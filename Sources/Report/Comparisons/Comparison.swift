/// One comparison of a report: cell A against its reference cell B on one metric (a row of
/// `comparisons.csv`; docs/statistics.md defines each number).
public struct Comparison: Sendable {
    /// The swept axis that differs between the cells: a key, or a zip group's keys joined by `+`.
    public var axis: String
    public var cellA: Int
    public var cellB: Int
    public var labelA: String
    public var labelB: String
    public var metric: ComparisonMetric
    /// The measurement step of a per-step metric (`log10_variance`); nil otherwise.
    public var step: Int?
    /// Runs of A and of B with a finite value, and seeds where both have one.
    public var nA: Int
    public var nB: Int
    public var nPaired: Int
    /// Means over every run of A and of B with a finite value.
    public var meanA: Double
    public var meanB: Double
    /// d̄, the mean over paired seeds of a_i − b_i, and its paired bootstrap interval.
    public var meanDifference: Double
    public var differenceInterval: ConfidenceInterval
    /// Welch's test on the unpaired runs, a cross-check of the paired interval.
    public var welch: WelchTest
    /// The Holm-adjusted p-value over the comparisons of the report with the same metric.
    public var pHolm: Double
    /// P(X_A > X_B) over every run of A and of B, and its bootstrap interval.
    public var pImprovement: Double
    public var pImprovementInterval: ConfidenceInterval

    /// Whether the interval of the difference is wider than the difference itself: the
    /// comparison cannot tell the effect from its own uncertainty (more seeds needed).
    public var intervalWiderThanEffect: Bool {
        differenceInterval.high - differenceInterval.low > abs(meanDifference)
    }
}
