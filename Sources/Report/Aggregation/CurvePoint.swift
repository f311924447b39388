/// One step of a cell's learning curve, across seeds (a row of `curves_summary.csv`).
package struct CurvePoint: Sendable, Equatable {
    package var step: Int
    /// The number of seeds averaged.
    package var n: Int
    /// Mean of `eval_return_mean` over the seeds.
    package var mean: Double
    /// Student's 95% interval of that mean (NaN with one seed).
    package var interval: ConfidenceInterval

    package init(step: Int, n: Int, mean: Double, interval: ConfidenceInterval) {
        self.step = step
        self.n = n
        self.mean = mean
        self.interval = interval
    }
}
