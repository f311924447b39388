import Experiment
import PolicyGradient

/// Turns job records into per-cell summaries.
///
/// The seeds counted for a cell are its completed jobs with a finite final return (the
/// same set everywhere: final returns, curves, variance). Across-seed rows cover only the
/// steps every counted seed measured with a finite value, so each point averages the same
/// seeds and a point's n always equals the cell's n. Cells without a counted seed get no
/// curve or variance points. Intervals of means over seeds (final return, curve area, curve
/// bands) are Student's t (`StudentInterval`); the variance rows' interval is that of the
/// seeds' geometric mean variance, Student's t on the log scale (`GeometricMean`).
package struct Aggregator: Sendable {
    /// The resampling of the across-environment aggregates.
    package var bootstrap: Bootstrap

    package init(bootstrap: Bootstrap = Bootstrap()) {
        self.bootstrap = bootstrap
    }

    /// Baselines in the order they are reported: the four known ones, then others by name.
    package static func baselineOrder(_ names: Set<String>) -> [String] {
        let known = ["none", "mean", "optimal", "value"]
        return known.filter(names.contains) + names.subtracting(known).sorted()
    }

    /// One summary per plan cell, in cell order. `records` must hold the plan's jobs.
    package func summarize(plan: ExperimentPlan, records: [JobRecord]) -> [CellSummary] {
        plan.cells.map { cell in
            var summary = CellSummary(
                index: cell.index, label: cell.label,
                values: plan.sweptValues(of: cell),
                baseline: cell.settings.baseline.rawValue)
            let jobs = records.filter { $0.cellIndex == cell.index }.sorted { $0.seed < $1.seed }
            for job in jobs {
                switch job.status {
                case .completed: summary.completed += 1
                case .diverged: summary.diverged += 1
                case .failed: summary.failed += 1
                case .interrupted: summary.interrupted += 1
                case nil: summary.missing += 1
                }
            }
            let counted = jobs.filter(\.counts)
            let x = counted.map(\.finalReturn)
            summary.finalReturns = counted.map { (seed: $0.seed, value: $0.finalReturn) }
            summary.n = x.count
            if !x.isEmpty {
                summary.mean = Statistics.mean(x)
                summary.std = Statistics.standardDeviation(x)
                summary.interval = StudentInterval.mean(x)
                summary.iqm = Statistics.interquartileMean(x)
                summary.median = Statistics.median(x)
                summary.min = x.min()!
                summary.max = x.max()!
                let areas = counted.map { Statistics.normalizedCurveArea($0.curve) }.filter(\.isFinite)
                if !areas.isEmpty {
                    summary.curveArea = Statistics.mean(areas)
                    summary.curveAreaInterval = StudentInterval.mean(areas)
                }
                summary.curve = curve(counted)
                summary.variance = variance(counted)
            }
            return summary
        }
    }

    /// Across-seed learning curve over the steps common to every counted job.
    func curve(_ jobs: [JobRecord]) -> [CurvePoint] {
        let perJob = jobs.map { job in
            Dictionary(job.curve.filter { $0.evalReturnMean.isFinite }.map { ($0.step, $0.evalReturnMean) },
                       uniquingKeysWith: { _, last in last })
        }
        return commonSteps(perJob).map { step in
            let values = perJob.map { $0[step]! }
            return CurvePoint(
                step: step, n: values.count, mean: Statistics.mean(values),
                interval: StudentInterval.mean(values))
        }
    }

    /// Across-seed variance per baseline over the steps common to every counted job: its
    /// mean, its geometric mean with that one's interval, the ratio of the mean to `none`'s at
    /// the same step, and the seeds' mean signal-to-noise ratios and cosines.
    func variance(_ jobs: [JobRecord]) -> [VariancePoint] {
        let baselines = Self.baselineOrder(Set(jobs.flatMap { $0.variance.map(\.baseline) }))
        var points: [VariancePoint] = []
        var noneMean: [Int: Double] = [:]
        for baseline in baselines {
            let rows = jobs.map { job in
                Dictionary(
                    job.variance.filter { $0.baseline == baseline && $0.variance.isFinite }.map { ($0.step, $0) },
                    uniquingKeysWith: { _, last in last })
            }
            let perJob = rows.map { $0.mapValues(\.variance) }
            for step in commonSteps(perJob) {
                let values = perJob.map { $0[step]! }
                let floor = Statistics.mean(rows.map { $0[step]!.precisionFloor })
                let mean = Statistics.mean(values)
                if baseline == "none" { noneMean[step] = mean }
                let ratio = noneMean[step].map { mean / $0 } ?? .nan
                var point = VariancePoint(
                    step: step, baseline: baseline, n: values.count, mean: mean,
                    geometricMean: GeometricMean(of: values), ratioToNone: ratio, precisionFloor: floor)
                let atStep = rows.map { $0[step]! }
                point.snr = Statistics.mean(atStep.map(\.snr))
                point.unbiasedSNR = Statistics.mean(atStep.map(\.unbiasedSNR))
                point.pairwiseCosine = Statistics.mean(atStep.map(\.pairwiseCosine))
                point.cosineToMean = Statistics.mean(atStep.map(\.cosineToMean))
                point.inSampleVariance = Statistics.mean(atStep.map(\.inSampleVariance))
                point.minibatchVariance = Statistics.mean(atStep.map(\.minibatchVariance))
                point.minibatchSNR = Statistics.mean(atStep.map(\.minibatchSNR))
                point.minibatchUnbiasedSNR = Statistics.mean(atStep.map(\.minibatchUnbiasedSNR))
                points.append(point)
            }
        }
        // Rows by step, then baseline in reporting order.
        let rank = Dictionary(uniqueKeysWithValues: baselines.enumerated().map { ($1, $0) })
        return points.sorted { ($0.step, rank[$0.baseline]!) < ($1.step, rank[$1.baseline]!) }
    }

    /// Steps present in every dictionary, ascending.
    func commonSteps(_ perJob: [[Int: Double]]) -> [Int] {
        guard var common = perJob.first.map({ Set($0.keys) }) else { return [] }
        for steps in perJob.dropFirst() { common.formIntersection(steps.keys) }
        return common.sorted()
    }
}
