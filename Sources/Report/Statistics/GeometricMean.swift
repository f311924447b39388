import Foundation

/// The geometric mean of positive values with Student's t interval of it: the t interval of
/// the mean of their base-10 logarithms, back-transformed.
///
/// For the m positive values x_i, with y_i = log₁₀ x_i, ȳ their mean and s_y their sample
/// standard deviation, the estimate is 10^ȳ and the interval
/// [10^(ȳ − t_{1−α/2, m−1} s_y / √m), 10^(ȳ + t_{1−α/2, m−1} s_y / √m)]. Both ends are
/// positive, and the interval is `StudentInterval.mean` of the y_i mapped through 10^y: exact
/// for lognormal data, close for data whose logarithm is mildly skewed (docs/statistics.md,
/// "Coverage"). A value of exactly 0 has no logarithm: it is counted in `zeros` and left out,
/// as the `log10_variance` comparisons leave it out. No random draw.
package struct GeometricMean: Sendable, Equatable {
    /// 10^ȳ over the positive values; NaN when there is none, or a value is NaN.
    package var value: Double
    /// The back-transformed t interval; `unavailable` with fewer than two positive values,
    /// [10^ȳ, 10^ȳ] when they are all the same.
    package var interval: ConfidenceInterval
    /// Values that are not positive (a variance of exactly 0), left out of `value` and `interval`.
    package var zeros: Int

    package init(value: Double, interval: ConfidenceInterval, zeros: Int = 0) {
        self.value = value
        self.interval = interval
        self.zeros = zeros
    }

    /// The geometric mean of the positive values of `x` and its interval at `confidence`.
    package init(of x: [Double], confidence: Double = 0.95) {
        // NaN is neither positive nor ≤ 0: it stays in and makes everything NaN.
        let logs = x.filter { !($0 <= 0) }.map { log10($0) }
        let t = StudentInterval.mean(logs, confidence: confidence)
        self.init(
            value: pow(10, Statistics.mean(logs)),
            interval: ConfidenceInterval(low: pow(10, t.low), high: pow(10, t.high)),
            zeros: x.count - logs.count)
    }
}
