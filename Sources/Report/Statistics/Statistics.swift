import Foundation
import PolicyGradient

/// Summary statistics of a sample x_1 … x_n (the seeds of one cell).
///
/// Every function takes the values in the order given and sums them left to right, so the
/// same input gives the same bits. An empty sample gives NaN (written as an empty CSV field).
package enum Statistics {
    /// The mean, x̄ = Σ x_i / n.
    package static func mean(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        var sum = 0.0
        for v in x { sum += v }
        return sum / Double(x.count)
    }

    /// The sample standard deviation, s = sqrt(Σ (x_i − x̄)² / (n − 1)) (numpy `ddof=1`);
    /// NaN when n < 2.
    package static func standardDeviation(_ x: [Double]) -> Double {
        variance(x).squareRoot()
    }

    /// The sample variance, s² = Σ (x_i − x̄)² / (n − 1); NaN when n < 2.
    package static func variance(_ x: [Double]) -> Double {
        guard x.count >= 2 else { return .nan }
        let m = mean(x)
        var sum = 0.0
        for v in x { sum += (v - m) * (v - m) }
        return sum / Double(x.count - 1)
    }

    /// The standard error of the mean, s / sqrt(n); NaN when n < 2.
    package static func standardError(_ x: [Double]) -> Double {
        standardDeviation(x) / Double(x.count).squareRoot()
    }

    /// The median: the middle sorted value, or the mean of the two middle ones when n is even.
    package static func median(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        let s = x.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// The interquartile mean (IQM), as rliable defines it: `scipy.stats.trim_mean(x, 0.25)`.
    ///
    /// Sort x, drop g = ⌊0.25 n⌋ values from each end and average the n − 2g left. The
    /// fraction is rounded down, never interpolated: n = 1…3 drop nothing (IQM = mean),
    /// n = 4…7 drop one from each end, n = 8 drops two.
    package static func interquartileMean(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        let s = x.sorted()
        let cut = Int((0.25 * Double(s.count)).rounded(.down))
        return mean(Array(s[cut..<(s.count - cut)]))
    }

    /// The q-quantile of the sorted values by linear interpolation (numpy's default
    /// `method="linear"`): position h = (n − 1) q, value s[⌊h⌋] + (h − ⌊h⌋)(s[⌊h⌋+1] − s[⌊h⌋]).
    package static func quantile(sorted s: [Double], _ q: Double) -> Double {
        guard !s.isEmpty else { return .nan }
        let h = Double(s.count - 1) * q
        let lower = Int(h.rounded(.down))
        let upper = Swift.min(lower + 1, s.count - 1)
        return s[lower] + (h - Double(lower)) * (s[upper] - s[lower])
    }
}

extension Statistics {
    /// The area under one job's evaluation learning curve divided by its length in steps,
    ///
    ///     A = (1 / (s_K − s_0)) Σ_k ½ (r_k + r_{k+1}) (s_{k+1} − s_k),
    ///
    /// trapezoids over the job's finite `eval_return_mean` points (s_k, r_k) in step order:
    /// the mean evaluation return over training, which rewards learning early as well as
    /// ending high. NaN with fewer than two points.
    package static func normalizedCurveArea(_ curve: [CurveRow]) -> Double {
        let points = curve.filter { $0.evalReturnMean.isFinite }.sorted { $0.step < $1.step }
        guard let first = points.first, let last = points.last, last.step > first.step else { return .nan }
        var sum = 0.0
        for (p, q) in zip(points, points.dropFirst()) {
            sum += 0.5 * (p.evalReturnMean + q.evalReturnMean) * Double(q.step - p.step)
        }
        return sum / Double(last.step - first.step)
    }
}
