import PolicyGradient

/// A gradient-variance row as TensorBoard scalars (docs/tensorboard.md, "Tags"): one series
/// per figure and baseline, grouped under `gradient/`.
extension VarianceRow {
    /// (tag, value) at `step`: `gradient/variance/<baseline>`, `gradient/snr/<baseline>` and
    /// `gradient/grad_norm/<baseline>`; NaN figures left out.
    package var tensorBoardScalars: [(tag: String, value: Double)] {
        [
            ("gradient/variance/\(baseline)", variance),
            ("gradient/snr/\(baseline)", snr),
            ("gradient/grad_norm/\(baseline)", gradNorm),
        ].filter { !$0.1.isNaN }
    }
}
