/// One step of a cell's learning curve, across seeds (a row of `curves_summary.csv`).
public struct CurvePoint: Sendable, Equatable {
    public var step: Int
    /// The number of seeds averaged.
    public var n: Int
    /// Mean of `eval_return_mean` over the seeds.
    public var mean: Double
    /// 95% percentile bootstrap interval of that mean.
    public var interval: ConfidenceInterval

    public init(step: Int, n: Int, mean: Double, interval: ConfidenceInterval) {
        self.step = step
        self.n = n
        self.mean = mean
        self.interval = interval
    }
}
