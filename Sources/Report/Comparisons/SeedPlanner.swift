import Experiment
import PolicyGradient

/// How many seeds each comparison of an experiment needs, from the final returns of a pilot
/// run (Colas et al. 2018; docs/statistics.md, "How many seeds").
///
/// The comparisons are those of the experiment's report (`Comparer`); the pilot's cells are
/// found by label, so the pilot may be the same experiment with fewer seeds. With at least two
/// seeds where both cells have a counted run the design is paired and σ is the standard
/// deviation of the paired differences; otherwise, with two runs in each cell, it is
/// independent and σ = √((s²_A + s²_B) / 2).
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
        /// Seeds needed per cell; nil when σ is unknown or zero, or more than the limit.
        package var seeds: Int?
        package var note: String?
    }

    package static func requirements(
        plan: ExperimentPlan, pilot: ExperimentPlan, records: [JobRecord],
        delta: Double, alpha: Double, target: Double
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
                let paired = a.keys.filter { b[$0] != nil }.sorted()
                if paired.count >= 2 {
                    r.design = .paired
                    r.pilotN = paired.count
                    r.sigma = Statistics.standardDeviation(paired.map { a[$0]! - b[$0]! })
                } else if a.count >= 2 && b.count >= 2 {
                    r.design = .independent
                    r.pilotN = min(a.count, b.count)
                    // By seed, so the sums run in the same order every time.
                    let x = a.keys.sorted().map { a[$0]! }, y = b.keys.sorted().map { b[$0]! }
                    r.sigma = ((Statistics.variance(x) + Statistics.variance(y)) / 2).squareRoot()
                } else {
                    r.note = "fewer than 2 pilot runs in a cell"
                }
                if let design = r.design {
                    if r.sigma == 0 {
                        r.note = "the pilot shows no spread"
                    } else {
                        r.seeds = SeedCount.required(sigma: r.sigma, delta: delta, alpha: alpha, target: target, design: design)
                        if r.seeds == nil { r.note = "more than 100000" }
                    }
                }
                result.append(r)
            }
        }
        return result
    }
}
