import PolicyGradient
import Results

extension ReportTables {
    /// The columns of `comparisons.csv`.
    package static let comparisonColumns = [
        "comparison", "cell_a", "cell_b", "metric", "step", "n_a", "n_b", "n_paired", "mean_a", "mean_b",
        "mean_difference", "ci_low", "ci_high", "welch_t", "welch_df", "p_value", "p_holm",
        "p_improvement", "p_improvement_ci_low", "p_improvement_ci_high", "ci_wider_than_effect",
    ]

    /// `comparisons.csv`: one row per comparison, in `Comparer` order (docs/statistics.md).
    package static func comparisons(_ comparisons: [Comparison]) -> CSVTable {
        var table = CSVTable(header: comparisonColumns)
        for c in comparisons {
            table.rows.append(
                [c.axis, c.labelA, c.labelB, c.metric.rawValue, c.step.map(String.init) ?? "",
                 String(c.nA), String(c.nB), String(c.nPaired)]
                    + [c.meanA, c.meanB, c.meanDifference, c.differenceInterval.low, c.differenceInterval.high,
                       c.welch.t, c.welch.degreesOfFreedom, c.welch.p, c.pHolm, c.pImprovement,
                       c.pImprovementInterval.low, c.pImprovementInterval.high].map(csvNumber)
                    + [c.nPaired == 0 ? "" : String(c.intervalWiderThanEffect)])
        }
        return table
    }
}
