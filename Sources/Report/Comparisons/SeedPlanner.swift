import Experiment
import PolicyGradient

/// How many seeds each comparison of an experiment needs, from the final returns of a pilot
/// run (Colas et al. 2018; docs/statistics.md, "How many seeds").
///
/// The comparisons are those of the experiment's report (`Comparer`); the pilot's cells are
/// found by label, so the pilot may be the same experiment with fewer seeds. As the report
/// decides its test: when both cells have counted runs on the same seeds, two or more, the
/// design is paired and σ is the standard deviation of the paired differences (ν = n − 1);
/// otherwise, with two runs in each cell, it is independent and σ = √((s²_A + s²_B) / 2)
/// (ν = n_A + n_B − 2). σ is a pilot's estimate: the seeds are also given at the bounds of its
/// 95% interval, σ √(ν / χ²_{0.975,ν}) and σ √(ν / χ²_{0.025,ν}).
package enum SeedPlanner {
    /// One comparison's estimate.
    package struct Requirement: Sendable {
        package var axis: String
        package var labelA: String
        package var labelB: String
        /// nil when the pilot cannot estimate σ (`note` says why).
        package var design: SeedCount.Design?
        /// Pilot seeds used: paired seeds, or the smaller cell for an independent design.
        package var pilotN: Int
        package var sigma: Double
        /// The 95% interval of σ (chi-square, ν degrees of freedom as above).
        package var sigmaInterval: ConfidenceInterval = .unavailable
        /// Seeds needed per cell; nil when σ is unknown or zero, or more than the limit.
        package var seeds: Int?
        /// Seeds needed were σ at the low and at the high end of its interval.
        package var seedsAtSigmaLow: Int?
        package var seedsAtSigmaHigh: Int?
        package var note: String?
    }

    package static func requirements(
        plan: ExperimentPlan, pilot: ExperimentPlan, records: [JobRecord],
        delta: Double, alpha: Double, target: Double, sides: SeedCount.Sides = .two
    ) -> [Requirement] {
        var returns: [String: [Int: Double]] = [:]
        for record in records where record.counts {
            returns[pilot.cells[record.cellIndex].label, default: [:]][record.seed] = record.finalReturn
        }
        var result: [Requirement] = []
        let byValues = Comparer.cellsByValues(plan)
        for axis in Comparer.axes(plan) {
            for cell in plan.cells {
                guard let partner = Comparer.partner(of: cell, on: axis, among: byValues) else { continue }
                let a = returns[cell.label] ?? [:]
                let b = returns[partner.label] ?? [:]
                var r = Requirement(
                    axis: axis.name, labelA: cell.label, labelB: partner.label, design: nil, pilotN: 0,
                    sigma: .nan, seeds: nil, note: nil)
                var nu = 0.0
                if a.count >= 2 && Set(a.keys) == Set(b.keys) {
                    let paired = a.keys.sorted()
                    r.design = .paired
                    r.pilotN = paired.count
                    r.sigma = Statistics.standardDeviation(paired.map { a[$0]! - b[$0]! })
                    nu = Double(paired.count - 1)
                } else if a.count >= 2 && b.count >= 2 {
                    r.design = .independent
                    r.pilotN = min(a.count, b.count)
                    // By seed, so the sums run in the same order every time.
                    let x = a.keys.sorted().map { a[$0]! }, y = b.keys.sorted().map { b[$0]! }
                    r.sigma = ((Statistics.variance(x) + Statistics.variance(y)) / 2).squareRoot()
                    nu = Double(a.count + b.count - 2)
                } else {
                    r.note = "fewer than 2 pilot runs in a cell"
                }
                if let design = r.design {
                    if r.sigma == 0 {
                        r.note = "the pilot shows no spread"
                    } else {
                        func seeds(_ sigma: Double) -> Int? {
                            SeedCount.required(
                                sigma: sigma, delta: delta, alpha: alpha, target: target, design: design, sides: sides)
                        }
                        r.seeds = seeds(r.sigma)
                        if r.seeds == nil { r.note = "more than 100000" }
                        r.sigmaInterval = ConfidenceInterval(
                            low: r.sigma * (nu / Distributions.chiSquareQuantile(0.975, df: nu)).squareRoot(),
                            high: r.sigma * (nu / Distributions.chiSquareQuantile(0.025, df: nu)).squareRoot())
                        r.seedsAtSigmaLow = seeds(r.sigmaInterval.low)
                        r.seedsAtSigmaHigh = seeds(r.sigmaInterval.high)
                    }
                }
                result.append(r)
            }
        }
        return result
    }
}
