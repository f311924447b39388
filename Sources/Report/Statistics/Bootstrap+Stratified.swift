import PolicyGradient

extension Bootstrap {
    /// The percentile bootstrap interval of `statistic` over strata resampled independently.
    ///
    /// Each resample draws, for every stratum k in order, n_k indices uniformly with
    /// replacement from that stratum alone (runs within one environment, or the runs of one
    /// of two compared cells), then evaluates the statistic on the resampled strata; the
    /// interval is the α/2 and 1 − α/2 quantiles of the B values (as in `meanInterval`). This is
    /// rliable's stratified bootstrap (`task_bootstrap=False`). The generator starts afresh from
    /// `seed` on the `.diagnostics` stream, so the interval depends only on the input.
    /// `unavailable` when a stratum is empty or holds NaN, or the statistic is NaN.
    package func stratifiedInterval(_ strata: [[Double]], _ statistic: ([[Double]]) -> Double) -> ConfidenceInterval {
        if strata.isEmpty || strata.contains(where: { $0.isEmpty || $0.contains(where: \.isNaN) }) {
            return .unavailable
        }
        var generator = RandomGenerator(seed: seed, stream: .diagnostics)
        var resampled = strata
        var values = [Double](repeating: 0, count: resamples)
        for b in 0..<resamples {
            for k in strata.indices {
                let n = strata[k].count
                for i in 0..<n { resampled[k][i] = strata[k][generator.int(below: n)] }
            }
            values[b] = statistic(resampled)
        }
        return percentileInterval(values)
    }

    /// The α/2 and 1 − α/2 quantiles of bootstrap replicates (α = 1 − `confidence`).
    package func percentileInterval(_ values: [Double]) -> ConfidenceInterval {
        if values.isEmpty || values.contains(where: \.isNaN) { return .unavailable }
        let sorted = values.sorted()
        let alpha = 1 - confidence
        return ConfidenceInterval(
            low: Statistics.quantile(sorted: sorted, alpha / 2),
            high: Statistics.quantile(sorted: sorted, 1 - alpha / 2))
    }
}
