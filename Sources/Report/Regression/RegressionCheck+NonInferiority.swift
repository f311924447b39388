import Experiment
import PolicyGradient

extension RegressionCheck {
    /// A cell judged for non-inferiority against its reference entry.
    ///
    /// The reference file keeps n, mean and std per cell, not its seeds, so the interval is
    /// the unpaired Welch one: d = x̄ − μ_ref, SE = √(s²/n + s²_ref/n_ref), ν by
    /// Welch–Satterthwaite, d ± t_{0.975,ν} SE (SE = 0 gives [d, d]). The cell passes when the
    /// lower end is above −margin, fails when the upper end is below it (or the mean is below
    /// `min`), and is inconclusive otherwise, or when either side has fewer than two seeds.
    /// The threshold reported is max(min, μ_ref − margin).
    func nonInferiorityRow(_ cell: CellSummary, _ entry: ReferenceTable.Entry) -> RegressionResult.Row {
        let margin = settings.margin ?? 0
        let threshold = max(settings.min ?? -.infinity, entry.mean - margin)
        let difference = cell.mean - entry.mean
        var interval = ConfidenceInterval.unavailable
        if cell.n >= 2, let m = entry.n, m >= 2, entry.std.isFinite {
            let va = Statistics.variance(cell.finalReturns.map(\.value)) / Double(cell.n)
            let vb = entry.std * entry.std / Double(m)
            if va + vb == 0 {
                interval = ConfidenceInterval(low: difference, high: difference)
            } else {
                let df = (va + vb) * (va + vb) / (va * va / Double(cell.n - 1) + vb * vb / Double(m - 1))
                let half = Distributions.studentQuantile(0.975, df: df) * (va + vb).squareRoot()
                interval = ConfidenceInterval(low: difference - half, high: difference + half)
            }
        }
        let status: RegressionStatus
        if let min = settings.min, cell.mean < min {
            status = .fail
        } else if interval.low.isNaN {
            status = .inconclusive
        } else if interval.low > -margin {
            status = .pass
        } else if interval.high < -margin {
            status = .fail
        } else {
            status = .inconclusive
        }
        return RegressionResult.Row(
            cell: cell.label, n: cell.n, mean: cell.mean, referenceMean: entry.mean, threshold: threshold,
            status: status, difference: interval)
    }
}
