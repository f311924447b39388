import Foundation
import PolicyGradient

/// What a comparison measures on each run.
package enum ComparisonMetric: String, Sendable, CaseIterable {
    /// The job's final return.
    case finalReturn = "final_return"
    /// The area under the evaluation learning curve divided by its length in steps:
    /// (1 / (s_K − s_0)) Σ_k ½ (r_k + r_{k+1})(s_{k+1} − s_k) over the job's finite
    /// `eval_return_mean` points, i.e. the mean evaluation return over training; NaN with
    /// fewer than two points.
    case auc = "auc"
    /// log₁₀ of the gradient variance of the cell's own baseline at one measured step.
    case log10Variance = "log10_variance"

    /// The normalized area under a job's learning curve.
    static func area(_ curve: [CurveRow]) -> Double {
        let points = curve.filter { $0.evalReturnMean.isFinite }.sorted { $0.step < $1.step }
        guard let first = points.first, let last = points.last, last.step > first.step else { return .nan }
        var sum = 0.0
        for (p, q) in zip(points, points.dropFirst()) {
            sum += 0.5 * (p.evalReturnMean + q.evalReturnMean) * Double(q.step - p.step)
        }
        return sum / Double(last.step - first.step)
    }

    /// log₁₀ of the variance `baseline` measured at each step (positive, finite values only).
    static func logVariance(_ rows: [VarianceRow], baseline: String) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for row in rows where row.baseline == baseline && row.variance.isFinite && row.variance > 0 {
            result[row.step] = log10(row.variance)
        }
        return result
    }
}
