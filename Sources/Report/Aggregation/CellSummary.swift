/// Everything the report says about one cell: final-return statistics over its seeds, job
/// counts by status, the learning curve and the gradient-variance record.
///
/// Statistics count the cell's *completed* jobs with a finite final return (n of them);
/// diverged, failed, interrupted and missing jobs are counted but never averaged in. With
/// n = 0 every statistic is NaN; with n = 1 the std is NaN and the interval is [x, x].
public struct CellSummary: Sendable {
    public var index: Int
    public var label: String
    /// The swept keys' values, in the plan's key order.
    public var values: [String]
    /// The baseline the cell's jobs train with (`none`, `mean`, `optimal`, `value`).
    public var baseline: String

    public var n: Int
    public var mean: Double
    public var std: Double
    public var interval: ConfidenceInterval
    public var iqm: Double
    public var median: Double
    public var min: Double
    public var max: Double
    /// Final returns of the counted jobs, as (seed, value), sorted by seed.
    public var finalReturns: [(seed: Int, value: Double)]

    public var completed: Int
    public var diverged: Int
    public var failed: Int
    public var interrupted: Int
    public var missing: Int

    public var curve: [CurvePoint]
    public var variance: [VariancePoint]

    public init(index: Int, label: String, values: [String], baseline: String) {
        self.index = index
        self.label = label
        self.values = values
        self.baseline = baseline
        n = 0
        mean = .nan
        std = .nan
        interval = .unavailable
        iqm = .nan
        median = .nan
        min = .nan
        max = .nan
        finalReturns = []
        completed = 0
        diverged = 0
        failed = 0
        interrupted = 0
        missing = 0
        curve = []
        variance = []
    }

    /// The variance of the cell's own baseline divided by that of `none`, at the last step
    /// where both were measured; nil when the cell has no such pair.
    public var varianceRatioToNone: Double? {
        variance.last { $0.baseline == baseline && $0.ratioToNone.isFinite }?.ratioToNone
    }
}
