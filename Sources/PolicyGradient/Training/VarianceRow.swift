/// One gradient-variance measurement for one baseline (`variance.csv`, docs/architecture.md,
/// "Gradient diagnostics").
public struct VarianceRow: Sendable, Equatable {
    public var step: Int
    /// The baseline the estimates used (`none`, `mean`, `optimal`, `value`).
    public var baseline: String
    /// K, the number of estimates.
    public var samples: Int
    /// ‖ḡ‖, the norm of the mean estimate.
    public var gradNorm: Double
    /// Σ_k ‖ĝ_k − ḡ‖² / (K − 1), the trace of the sample covariance.
    public var variance: Double
    /// ‖ḡ‖² / variance.
    public var snr: Double
    /// Tabular environments only (NaN elsewhere): J_H(θ), max J_H, ‖∇J_H‖, ‖ḡ − ∇J_H‖,
    /// Σ_k ‖ĝ_k − ∇J_H‖² / K and cos(ḡ, ∇J_H).
    public var exactObjective: Double = .nan
    public var optimalObjective: Double = .nan
    public var exactNorm: Double = .nan
    public var bias: Double = .nan
    public var mse: Double = .nan
    public var cosine: Double = .nan
    /// Σ_k ‖ĝ_k^{f32} − ĝ_k‖² / K: the mean squared difference between each estimate computed
    /// from Float32 returns, values and advantages (as training stores them) and the same
    /// estimate in Double; the variance that their rounding alone produces.
    public var precisionFloor: Double = .nan
    /// (‖ḡ‖² − variance/K) / variance: `snr` less its no-signal floor 1/K
    /// (`GradientEstimateStatistics.unbiasedSNR`).
    public var unbiasedSNR: Double = .nan
    /// The mean over pairs i < j of cos(ĝ_i, ĝ_j), zero estimates left out.
    public var pairwiseCosine: Double = .nan
    /// The mean over k of cos(ĝ_k, ḡ), zero estimates left out.
    public var cosineToMean: Double = .nan
    /// Without advantage normalization (NaN with it): b̂, the constant baseline of least variance
    /// on this measurement's K batches, and that variance, a lower bound on every constant
    /// baseline's `variance` here (`ConstantBaselineSpread`); the same in every row of a
    /// measurement.
    public var inSampleConstant: Double = .nan
    public var inSampleVariance: Double = .nan
    /// PPO only (NaN otherwise): `variance`, `snr` and `snr_unbiased` of the K gradients of the
    /// first minibatch step of PPO's update at the current parameters, (1/m) Σ_{i∈M_k} ∇θ log π · Â_i
    /// over the first minibatch M_k of one shuffle of batch k, Â standardized over M_k when
    /// `normalize_advantage` (`FirstMinibatchGradient`).
    public var minibatchVariance: Double = .nan
    public var minibatchSNR: Double = .nan
    public var minibatchUnbiasedSNR: Double = .nan

    public init(step: Int, baseline: String, samples: Int, gradNorm: Double, variance: Double, snr: Double) {
        self.step = step
        self.baseline = baseline
        self.samples = samples
        self.gradNorm = gradNorm
        self.variance = variance
        self.snr = snr
    }
}
