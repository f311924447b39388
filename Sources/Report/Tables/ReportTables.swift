import Experiment
import PolicyGradient
import Results

/// The tidy CSV tables of a report (docs/architecture.md, "The results folder"), as pure functions of the plan, the
/// job records and the cell summaries.
///
/// Every table starts with the cell's columns: `cell` (its label) and one column per swept
/// key, named by the key. A swept key that equals one of the table's own columns (a grid over
/// `baseline` meets the `baseline` column of the variance tables) is named `cell.<key>`
/// instead, in that table only. Rows are sorted by cell index, then seed (or step); numbers
/// are written with `csvNumber` (shortest round-trip form, NaN as an empty field), so equal
/// inputs give byte-identical files.
package enum ReportTables {
    /// `jobs.csv`: job_id, cell, seed, <swept keys>, status, final_return, steps.
    package static func jobs(plan: ExperimentPlan, records: [JobRecord]) -> CSVTable {
        let tail = ["status", "final_return", "steps"]
        var table = CSVTable(header: ["job_id", "cell", "seed"] + keyColumns(plan, ["job_id", "seed"] + tail) + tail)
        for r in sorted(records) {
            let cell = cellColumns(plan, r.cellIndex)
            table.rows.append(
                [r.id, cell[0], String(r.seed)] + cell.dropFirst()
                    + [r.statusLabel, csvNumber(r.finalReturn), r.steps.map(String.init) ?? ""])
        }
        return table
    }

    /// `curves.csv`: cell, <swept keys>, seed, job_id, then `CurveRow.header`; every finished job.
    package static func curves(plan: ExperimentPlan, records: [JobRecord]) -> CSVTable {
        rowsOfFinishedJobs(plan: plan, records: records, header: CurveRow.header) { $0.curve.map(\.fields) }
    }

    /// `variance.csv`: cell, <swept keys>, seed, job_id, then `VarianceRow.header`; every finished job.
    package static func variance(plan: ExperimentPlan, records: [JobRecord]) -> CSVTable {
        rowsOfFinishedJobs(plan: plan, records: records, header: VarianceRow.header) { $0.variance.map(\.fields) }
    }

    /// Every finished job's own rows (`rows`), each after the job's cell, swept values, seed and id.
    static func rowsOfFinishedJobs(
        plan: ExperimentPlan, records: [JobRecord], header: [String], rows: (JobRecord) -> [[String]]
    ) -> CSVTable {
        let jobColumns = ["seed", "job_id"]
        var table = CSVTable(header: ["cell"] + keyColumns(plan, jobColumns + header) + jobColumns + header)
        for r in sorted(records) where r.status != nil {
            let prefix = cellColumns(plan, r.cellIndex) + [String(r.seed), r.id]
            for row in rows(r) { table.rows.append(prefix + row) }
        }
        return table
    }

    /// `summary.csv`: cell, <swept keys>, n, mean, std, ci_low, ci_high, iqm, median, min, max,
    /// diverged — final returns of each cell's completed jobs — then auc, auc_ci_low,
    /// auc_ci_high: their mean normalized learning-curve area and its interval.
    package static func summary(plan: ExperimentPlan, cells: [CellSummary]) -> CSVTable {
        let columns = [
            "n", "mean", "std", "ci_low", "ci_high", "iqm", "median", "min", "max", "diverged",
            "auc", "auc_ci_low", "auc_ci_high",
        ]
        var table = CSVTable(header: ["cell"] + keyColumns(plan, columns) + columns)
        for c in cells {
            table.rows.append(
                [c.label] + c.values + [String(c.n)]
                    + [c.mean, c.std, c.interval.low, c.interval.high, c.iqm, c.median, c.min, c.max].map(csvNumber)
                    + [String(c.diverged)]
                    + [c.curveArea, c.curveAreaInterval.low, c.curveAreaInterval.high].map(csvNumber))
        }
        return table
    }

    /// `curves_summary.csv`: cell, <swept keys>, step, n, mean, ci_low, ci_high of
    /// `eval_return_mean` across the counted seeds (completed jobs), at the steps every one of
    /// them recorded (see `Aggregator`).
    package static func curvesSummary(plan: ExperimentPlan, cells: [CellSummary]) -> CSVTable {
        var table = CSVTable(header: ["cell"] + keyColumns(plan, curveSummaryColumns) + curveSummaryColumns)
        for c in cells {
            for p in c.curve {
                table.rows.append(
                    [c.label] + c.values + [String(p.step), String(p.n)]
                        + [p.mean, p.interval.low, p.interval.high].map(csvNumber))
            }
        }
        return table
    }

    /// `variance_summary.csv`: cell, <swept keys>, step, baseline, n, zero, mean, geomean,
    /// ci_low, ci_high, ratio_to_none, precision_floor, snr, snr_unbiased, pairwise_cosine,
    /// cosine_to_mean, in_sample_variance, minibatch_variance, minibatch_snr,
    /// minibatch_snr_unbiased — the `variance` column across the counted seeds, at the steps
    /// every one of them measured for that baseline: `zero` seeds of variance exactly 0, the
    /// mean of all, the geometric mean of the positive ones and its interval (ci_low, ci_high);
    /// ratio_to_none is the mean's, empty without a `none` row; the last nine are the seeds'
    /// means of the same columns of their `variance.csv` (the minibatch ones PPO's only).
    package static func varianceSummary(plan: ExperimentPlan, cells: [CellSummary]) -> CSVTable {
        let columns = [
            "step", "baseline", "n", "zero", "mean", "geomean", "ci_low", "ci_high", "ratio_to_none",
            "precision_floor", "snr", "snr_unbiased", "pairwise_cosine", "cosine_to_mean", "in_sample_variance",
            "minibatch_variance", "minibatch_snr", "minibatch_snr_unbiased",
        ]
        var table = CSVTable(header: ["cell"] + keyColumns(plan, columns) + columns)
        for c in cells {
            for p in c.variance {
                table.rows.append(
                    [c.label] + c.values + [String(p.step), p.baseline, String(p.n), String(p.geometricMean.zeros)]
                        + [p.mean, p.geometricMean.value, p.geometricMean.interval.low,
                           p.geometricMean.interval.high, p.ratioToNone, p.precisionFloor,
                           p.snr, p.unbiasedSNR, p.pairwiseCosine, p.cosineToMean, p.inSampleVariance,
                           p.minibatchVariance, p.minibatchSNR, p.minibatchUnbiasedSNR].map(csvNumber))
            }
        }
        return table
    }

    static let curveSummaryColumns = ["step", "n", "mean", "ci_low", "ci_high"]

    /// The swept keys' column names in a table whose other columns are `cell` and `reserved`.
    package static func keyColumns(_ plan: ExperimentPlan, _ reserved: [String]) -> [String] {
        let taken = Set(reserved + ["cell"])
        return plan.sweptKeys.map { taken.contains($0) ? "cell.\($0)" : $0 }
    }

    /// The label and swept values of cell `index`.
    static func cellColumns(_ plan: ExperimentPlan, _ index: Int) -> [String] {
        let cell = plan.cells[index]
        return [cell.label] + plan.sweptValues(of: cell)
    }

    static func sorted(_ records: [JobRecord]) -> [JobRecord] {
        records.sorted { ($0.cellIndex, $0.seed, $0.id) < ($1.cellIndex, $1.seed, $1.id) }
    }
}

extension ExperimentPlan {
    /// The values `cell` gives the swept keys, one per key in `sweptKeys` order (empty for
    /// a key the cell does not set): the value columns of plans, tables and summaries.
    package func sweptValues(of cell: Cell) -> [String] {
        sweptKeys.map { key in cell.values.first { $0.key == key }?.value ?? "" }
    }
}

extension ReportTables {
    /// The columns of `comparisons.csv`.
    package static let comparisonColumns = [
        "comparison", "cell_a", "cell_b", "metric", "step", "n_a", "n_b", "n_paired", "mean_a", "mean_b",
        "mean_difference", "ci_low", "ci_high", "test", "t", "df", "p_value", "p_holm", "verdict",
        "p_improvement", "p_improvement_ci_low", "p_improvement_ci_high", "step_b", "zero_a", "zero_b", "note",
    ]

    /// step_b, zero_a, zero_b, note of a `log10_variance` comparison; empty for other metrics.
    static func varianceColumns(_ c: Comparison) -> [String] {
        guard c.metric == .log10Variance else { return ["", "", "", ""] }
        return [c.stepB.map(String.init) ?? "", String(c.zeroA), String(c.zeroB), c.note]
    }

    /// `comparisons.csv`: one row per comparison, in `Comparer` order (docs/statistics.md).
    package static func comparisons(_ comparisons: [Comparison]) -> CSVTable {
        var table = CSVTable(header: comparisonColumns)
        for c in comparisons {
            table.rows.append(
                [c.axis, c.labelA, c.labelB, c.metric.rawValue, c.step.map(String.init) ?? "",
                 String(c.nA), String(c.nB), String(c.nPaired)]
                    + [c.meanA, c.meanB, c.meanDifference, c.differenceInterval.low, c.differenceInterval.high]
                        .map(csvNumber)
                    + [c.test?.rawValue ?? ""] + [c.t, c.degreesOfFreedom, c.p, c.pHolm].map(csvNumber)
                    + [c.verdict.rawValue]
                    + [c.pImprovement, c.pImprovementInterval.low, c.pImprovementInterval.high].map(csvNumber)
                    + varianceColumns(c))
        }
        return table
    }
}

extension ReportTables {
    /// `aggregates.csv`: group, environments, runs, then IQM, mean, median and optimality gap
    /// of normalized final returns, each with its stratified bootstrap 95% CI.
    package static func aggregates(_ aggregates: [EnvironmentAggregate]) -> CSVTable {
        var header = ["group", "environments", "runs"]
        for name in ["iqm", "mean", "median", "optimality_gap"] { header += [name, "\(name)_ci_low", "\(name)_ci_high"] }
        var table = CSVTable(header: header)
        for a in aggregates {
            let stats = [(a.iqm, a.iqmInterval), (a.mean, a.meanInterval), (a.median, a.medianInterval),
                         (a.optimalityGap, a.optimalityGapInterval)]
            table.rows.append(
                [a.group, a.environments.joined(separator: ";"), a.runs.map(String.init).joined(separator: ";")]
                    + stats.flatMap { [$0.0, $0.1.low, $0.1.high] }.map(csvNumber))
        }
        return table
    }

    /// `performance_profile.csv`: group, tau, fraction of runs above tau, 95% CI.
    package static func performanceProfile(_ aggregates: [EnvironmentAggregate]) -> CSVTable {
        var table = CSVTable(header: ["group", "tau", "fraction", "ci_low", "ci_high"])
        for a in aggregates {
            for p in a.profile {
                table.rows.append([a.group] + [p.tau, p.fraction, p.interval.low, p.interval.high].map(csvNumber))
            }
        }
        return table
    }
}
