import PolicyGradient

/// The percentile bootstrap confidence interval of a mean, with a fixed resampling seed.
///
/// For b = 1…B, draw n indices uniformly with replacement (`RandomGenerator.int(below:)`)
/// and take the mean x̄*_b of the resample. Sort the B means; the interval is their
/// α/2 and 1 − α/2 quantiles (α = 1 − `confidence`), by linear interpolation between order
/// statistics (`Statistics.quantile`, numpy's default rule). With B = 2000 and 95% these are
/// the positions 0.025 · 1999 = 49.975 and 0.975 · 1999 = 1949.025 (0-based).
///
/// Every call starts a new generator from `seed` on the `.diagnostics` stream, so the same
/// values always give the same interval, bit for bit, whatever else ran before (docs/statistics.md,
/// its opening: one fixed resampling seed). Edge cases: n = 0 gives `ConfidenceInterval.unavailable`;
/// n = 1 gives [x_1, x_1] (every resample is the value itself); a NaN value gives
/// `unavailable`.
package struct Bootstrap: Sendable, Equatable {
    /// The resampling seed used by every report.
    package static let defaultSeed: UInt64 = 0x5EED_B007_C0FF_EE42

    /// B, the number of resamples.
    package var resamples: Int
    /// The coverage, 0.95 for a 95% interval.
    package var confidence: Double
    package var seed: UInt64

    package init(resamples: Int = 2000, confidence: Double = 0.95, seed: UInt64 = Bootstrap.defaultSeed) {
        precondition(resamples > 0 && confidence > 0 && confidence < 1)
        self.resamples = resamples
        self.confidence = confidence
        self.seed = seed
    }

    /// The percentile bootstrap interval of the mean of `x`.
    package func meanInterval(_ x: [Double]) -> ConfidenceInterval {
        let n = x.count
        if n == 0 || x.contains(where: \.isNaN) { return .unavailable }
        if n == 1 { return ConfidenceInterval(low: x[0], high: x[0]) }
        var generator = RandomGenerator(seed: seed, stream: .diagnostics)
        var means = [Double](repeating: 0, count: resamples)
        let scale = 1.0 / Double(n)
        x.withUnsafeBufferPointer { values in
            for b in 0..<resamples {
                var sum = 0.0
                for _ in 0..<n { sum += values[generator.int(below: n)] }
                means[b] = sum * scale
            }
        }
        means.sort()
        let alpha = 1 - confidence
        return ConfidenceInterval(
            low: Statistics.quantile(sorted: means, alpha / 2),
            high: Statistics.quantile(sorted: means, 1 - alpha / 2))
    }
}

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
