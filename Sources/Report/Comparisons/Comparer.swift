import Experiment
import PolicyGradient

/// Builds a report's comparisons: every cell against the cell that differs from it only on
/// one axis, where it takes that axis's reference (`ExperimentPlan.report`).
///
/// Axes that vary `environment.id` are not compared (returns of different environments have
/// different scales; `EnvironmentAggregation` summarizes them). For each other axis in plan
/// order, each cell off the axis's reference is compared with its
/// partner on the reference (no comparison when `exclude` removed the partner), on the final
/// return, the learning-curve area and the log gradient variance at each measurement
/// (`compareVariance`: the k-th of A against the k-th of B). Only counted jobs (completed,
/// finite final return) take part. Each comparison rests on one test: the paired t-test when
/// every run of each cell has a partner with the same seed in the other, Welch's test
/// otherwise. Holm's correction runs over the tests of one metric (all steps of
/// `log10_variance` are one family).
package struct Comparer: Sendable {
    package init() {}

    package func compare(plan: ExperimentPlan, records: [JobRecord]) -> [Comparison] {
        var jobs: [Int: [JobRecord]] = [:]
        for record in records where record.counts { jobs[record.cellIndex, default: []].append(record) }
        var comparisons: [Comparison] = []
        let byValues = Self.cellsByValues(plan)
        for axis in Self.axes(plan) {
            for cell in plan.cells {
                guard let partner = Self.partner(of: cell, on: axis, among: byValues) else { continue }
                let a = jobs[cell.index] ?? []
                let b = jobs[partner.index] ?? []
                func row(_ metric: ComparisonMetric, _ step: Int?, _ x: [Int: Double], _ y: [Int: Double]) {
                    comparisons.append(compare(axis: axis, cell, partner, metric: metric, step: step, x, y))
                }
                row(.finalReturn, nil, Self.values(a) { $0.finalReturn }, Self.values(b) { $0.finalReturn })
                row(.auc, nil, Self.values(a) { Statistics.normalizedCurveArea($0.curve) },
                    Self.values(b) { Statistics.normalizedCurveArea($0.curve) })
                let measuredA = ComparisonMetric.varianceMeasurements(a, baseline: cell.settings.baseline.rawValue)
                let measuredB = ComparisonMetric.varianceMeasurements(b, baseline: partner.settings.baseline.rawValue)
                for (x, y) in zip(measuredA, measuredB) {
                    comparisons.append(compareVariance(axis: axis, cell, partner, x, y))
                }
            }
        }
        for metric in ComparisonMetric.allCases {
            let indices = comparisons.indices.filter { comparisons[$0].metric == metric }
            let adjusted = HolmCorrection.adjust(indices.map { comparisons[$0].p })
            for (i, p) in zip(indices, adjusted) { comparisons[i].pHolm = p }
        }
        return comparisons
    }

    /// The axes whose cells are compared: every one that does not vary `environment.id`.
    static func axes(_ plan: ExperimentPlan) -> [ReportSettings.ComparisonAxis] {
        plan.report.axes.filter { !$0.keys.contains("environment.id") }
    }

    /// The cell equal to `cell` on every other axis and at the reference on `axis`; nil when
    /// `cell` is itself at the reference or the partner was excluded.
    static func partner(
        of cell: ExperimentPlan.Cell, on axis: ReportSettings.ComparisonAxis,
        among cells: [[String]: ExperimentPlan.Cell]
    ) -> ExperimentPlan.Cell? {
        let reference = Dictionary(uniqueKeysWithValues: zip(axis.keys, axis.reference))
        let wanted = cell.values.map { reference[$0.key] ?? $0.value }
        guard wanted != cell.values.map(\.value) else { return nil }
        return cells[wanted]
    }

    /// The plan's cells by their swept values (in key order), so each partner is one lookup.
    static func cellsByValues(_ plan: ExperimentPlan) -> [[String]: ExperimentPlan.Cell] {
        Dictionary(plan.cells.map { ($0.values.map(\.value), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A metric's finite values by seed.
    static func values(_ jobs: [JobRecord], _ metric: (JobRecord) -> Double) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for job in jobs {
            let v = metric(job)
            if v.isFinite { result[job.seed] = v }
        }
        return result
    }

    /// One comparison of the values of A and B, keyed by seed.
    func compare(
        axis: ReportSettings.ComparisonAxis, _ a: ExperimentPlan.Cell, _ b: ExperimentPlan.Cell,
        metric: ComparisonMetric, step: Int?, _ x: [Int: Double], _ y: [Int: Double]
    ) -> Comparison {
        let xs = x.keys.sorted().map { x[$0]! }
        let ys = y.keys.sorted().map { y[$0]! }
        let paired = x.keys.filter { y[$0] != nil }.sorted()
        var comparison = Comparison(
            axis: axis.name, cellA: a.index, cellB: b.index, labelA: a.label, labelB: b.label,
            metric: metric, step: step, nA: xs.count, nB: ys.count, nPaired: paired.count,
            meanA: Statistics.mean(xs), meanB: Statistics.mean(ys),
            test: nil, meanDifference: .nan, differenceInterval: .unavailable,
            t: .nan, degreesOfFreedom: .nan, p: .nan, pHolm: .nan,
            pImprovement: ProbabilityOfImprovement.estimate(xs, ys),
            pImprovementInterval: ProbabilityOfImprovement.interval(xs, ys))
        if paired.count == xs.count && paired.count == ys.count {
            let test = PairedTTest(differences: paired.map { x[$0]! - y[$0]! })
            comparison.meanDifference = test.meanDifference
            guard paired.count >= 2 else { return comparison }
            comparison.test = .pairedT
            (comparison.t, comparison.degreesOfFreedom, comparison.p) = (test.t, test.degreesOfFreedom, test.p)
            comparison.differenceInterval = test.interval()
        } else {
            let test = WelchTest(xs, ys)
            comparison.meanDifference = comparison.meanA - comparison.meanB
            guard xs.count >= 2 && ys.count >= 2 else { return comparison }
            comparison.test = .welch
            (comparison.t, comparison.degreesOfFreedom, comparison.p) = (test.t, test.degreesOfFreedom, test.p)
            comparison.differenceInterval = test.interval()
        }
        return comparison
    }
}
