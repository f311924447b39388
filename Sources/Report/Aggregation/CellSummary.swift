/// Everything the report says about one cell: final-return statistics over its seeds, job
/// counts by status, the learning curve and the gradient-variance record.
///
/// Statistics count the cell's *completed* jobs with a finite final return (n of them);
/// diverged, failed, interrupted and missing jobs are counted but never averaged in. With
/// n = 0 every statistic is NaN; with n = 1 the std and the interval are NaN.
package struct CellSummary: Sendable {
    package var index: Int
    package var label: String
    /// The swept keys' values, in the plan's key order.
    package var values: [String]
    /// The baseline the cell's jobs train with (`none`, `mean`, `optimal`, `value`).
    package var baseline: String

    package var n: Int
    package var mean: Double
    package var std: Double
    /// Student's 95% interval of the mean, x̄ ± t_{0.975, n−1} s/√n.
    package var interval: ConfidenceInterval
    package var iqm: Double
    package var median: Double
    package var min: Double
    package var max: Double
    /// The mean over the counted jobs of each one's normalized learning-curve area
    /// (`Statistics.normalizedCurveArea`), over the jobs with two finite curve points or more.
    package var curveArea: Double
    /// Student's 95% interval of `curveArea`.
    package var curveAreaInterval: ConfidenceInterval
    /// Final returns of the counted jobs, as (seed, value), sorted by seed.
    package var finalReturns: [(seed: Int, value: Double)]

    package var completed: Int
    package var diverged: Int
    package var failed: Int
    package var interrupted: Int
    package var missing: Int

    package var curve: [CurvePoint]
    package var variance: [VariancePoint]

    package init(index: Int, label: String, values: [String], baseline: String) {
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
        curveArea = .nan
        curveAreaInterval = .unavailable
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
    package var varianceRatioToNone: Double? {
        variance.last { $0.baseline == baseline && $0.ratioToNone.isFinite }?.ratioToNone
    }
}
