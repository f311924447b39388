import Foundation
import PolicyGradient

/// What a comparison measures on each run.
package enum ComparisonMetric: String, Sendable, CaseIterable {
    /// The job's final return.
    case finalReturn = "final_return"
    /// The area under the evaluation learning curve divided by its length in steps
    /// (`Statistics.normalizedCurveArea`): the mean evaluation return over training.
    case auc = "auc"
    /// log₁₀ of the gradient variance of the cell's own baseline at one measured step.
    case log10Variance = "log10_variance"

    /// Whether a larger value is the better one: returns and curve areas are; a gradient
    /// variance is better small.
    package var higherIsBetter: Bool { self != .log10Variance }

    /// log₁₀ of the variance `baseline` measured at each step (positive, finite values only).
    static func logVariance(_ rows: [VarianceRow], baseline: String) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for row in rows where row.baseline == baseline && row.variance.isFinite && row.variance > 0 {
            result[row.step] = log10(row.variance)
        }
        return result
    }
}
