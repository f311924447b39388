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

    /// The fewest paired seeds a `log10_variance` comparison concludes from.
    static let minimumVarianceSeeds = 3

    /// One cell's measurements of `baseline`'s variance, one per measurement step in ascending
    /// order: the k-th is the cell's k-th measurement (the union of its seeds' steps).
    /// A seed's variance enters as its log₁₀ when positive and finite, is counted in
    /// `zeroSeeds` when exactly 0, and is absent when NaN (K = 1) or not measured.
    static func varianceMeasurements(_ jobs: [JobRecord], baseline: String) -> [VarianceMeasurement] {
        let perJob = jobs.map { job in
            (seed: job.seed, variance: Dictionary(
                job.variance.filter { $0.baseline == baseline && $0.variance.isFinite && $0.variance >= 0 }
                    .map { ($0.step, $0.variance) },
                uniquingKeysWith: { _, last in last }))
        }
        let steps = Set(perJob.flatMap(\.variance.keys)).sorted()
        return steps.map { step in
            var measurement = VarianceMeasurement(step: step)
            for job in perJob {
                guard let v = job.variance[step] else { continue }
                if v > 0 { measurement.logVariance[job.seed] = log10(v) } else { measurement.zeroSeeds += 1 }
            }
            return measurement
        }
    }
}

/// One cell's gradient variance at one measurement step, across its seeds.
struct VarianceMeasurement: Sendable, Equatable {
    var step: Int
    /// log₁₀ of each seed's positive variance, by seed.
    var logVariance: [Int: Double] = [:]
    /// Seeds that measured exactly zero variance (no log; left out of the comparison).
    var zeroSeeds = 0
}
