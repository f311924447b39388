/// One step and baseline of a cell's gradient-variance record, across seeds
/// (a row of `variance_summary.csv`).
package struct VariancePoint: Sendable, Equatable {
    package var step: Int
    /// `none`, `mean`, `optimal`, `value` (or any other name a job recorded).
    package var baseline: String
    package var n: Int
    /// Mean over seeds of the trace of the estimate's covariance (seeds of zero variance included).
    package var mean: Double
    /// Geometric mean over the seeds of positive variance, with its Student t interval on the
    /// log scale and the count of zero-variance seeds left out (`GeometricMean`).
    package var geometricMean: GeometricMean
    /// `mean` divided by the `none` baseline's mean at the same cell and step; NaN when the
    /// cell measured no `none` there (written as an empty field).
    package var ratioToNone: Double
    /// Mean over seeds of `precision_floor`, the variance Float32 rounding of the stored
    /// estimates alone produces; NaN when a job did not record it.
    package var precisionFloor: Double
    /// Means over seeds of `snr`, `snr_unbiased`, `pairwise_cosine` and `cosine_to_mean`
    /// (NaN when a job did not record one).
    package var snr: Double = .nan
    package var unbiasedSNR: Double = .nan
    package var pairwiseCosine: Double = .nan
    package var cosineToMean: Double = .nan
    /// Mean over seeds of `in_sample_variance`, the least variance any constant baseline
    /// reaches on each measurement's own batches.
    package var inSampleVariance: Double = .nan
    /// Means over seeds of `minibatch_variance`, `minibatch_snr` and `minibatch_snr_unbiased`,
    /// PPO's first minibatch step (NaN for other estimators and jobs that did not record them).
    package var minibatchVariance: Double = .nan
    package var minibatchSNR: Double = .nan
    package var minibatchUnbiasedSNR: Double = .nan

    package init(
        step: Int, baseline: String, n: Int, mean: Double, geometricMean: GeometricMean, ratioToNone: Double,
        precisionFloor: Double = .nan
    ) {
        self.step = step
        self.baseline = baseline
        self.n = n
        self.mean = mean
        self.geometricMean = geometricMean
        self.ratioToNone = ratioToNone
        self.precisionFloor = precisionFloor
    }
}
