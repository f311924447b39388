import Experiment

extension Comparer {
    /// One `log10_variance` comparison: cell A's k-th measurement against cell B's k-th.
    ///
    /// Pairing by position rather than by step keeps the comparison when the cells measure at
    /// different steps (a sweep over `n_steps` measures at the first update boundary past
    /// each multiple of `every`: 60000 in one cell, 60032 in another); with equal steps it is
    /// pairing by step. Cells with different `every` pair measurements at different points
    /// of training, and a cell with more measurements keeps its extra ones uncompared; the
    /// `step` and `step_b` columns show what was paired.
    ///
    /// Seeds with exactly zero variance have no logarithm: they are counted (`zeroA`,
    /// `zeroB`) and named in `note`, never dropped silently, and their partners in the other
    /// cell are left out with them. With fewer than
    /// `ComparisonMetric.minimumVarianceSeeds` seeds left where both cells measured a
    /// positive variance, no test is run: the difference, its interval, the p-values and
    /// P(improvement) are NaN and `note` says why; n and the means still describe the data.
    func compareVariance(
        axis: ReportSettings.ComparisonAxis, _ a: ExperimentPlan.Cell, _ b: ExperimentPlan.Cell,
        _ x: VarianceMeasurement, _ y: VarianceMeasurement
    ) -> Comparison {
        let paired = x.logVariance.keys.filter { y.logVariance[$0] != nil }.count
        let enough = paired >= ComparisonMetric.minimumVarianceSeeds
        // A seed whose partner is left out (zero variance, or not measured) goes with it, so
        // that the seeds stay matched and the paired test applies.
        var c = compare(
            axis: axis, a, b, metric: .log10Variance, step: x.step,
            enough ? x.logVariance.filter { y.logVariance[$0.key] != nil } : [:],
            enough ? y.logVariance.filter { x.logVariance[$0.key] != nil } : [:])
        if !enough {
            c.nA = x.logVariance.count
            c.nB = y.logVariance.count
            c.nPaired = paired
            c.meanA = Statistics.mean(x.logVariance.keys.sorted().map { x.logVariance[$0]! })
            c.meanB = Statistics.mean(y.logVariance.keys.sorted().map { y.logVariance[$0]! })
        }
        c.stepB = y.step
        c.zeroA = x.zeroSeeds
        c.zeroB = y.zeroSeeds
        var notes: [String] = []
        if x.zeroSeeds + y.zeroSeeds > 0 {
            notes.append("zero variance left out: \(x.zeroSeeds) seeds of A, \(y.zeroSeeds) of B")
        }
        if !enough {
            notes.append("no test: \(paired) paired seeds with positive variance, fewer than \(ComparisonMetric.minimumVarianceSeeds)")
        }
        c.note = notes.joined(separator: "; ")
        return c
    }
}
