import Experiment
import Foundation

/// `report.md`: the report as a page a person reads (docs/statistics.md, "report.md").
///
/// The description, the figures (relative links to the images this report rendered,
/// `plots/<name>.png` or `.svg`; without them, the scripts and how to render them), the per-cell table,
/// one sentence per final-return comparison, the comparison table and the gradient-variance
/// ratios. A pure function of its inputs: the same folder gives the same bytes.
package enum ReportPage {
    package static func markdown(
        plan: ExperimentPlan, summary: ReportSummary, comparisons: [Comparison], scripts: [String]
    ) -> String {
        var out = "# \(plan.name)\n\n"
        if let description = plan.description?.trimmingCharacters(in: .whitespacesAndNewlines), !description.isEmpty {
            out += description + "\n\n"
        }
        out += "\(summary.jobs) jobs: \(plan.cells.count) cells × \(plan.seeds.count) seeds"
        let notes = [(summary.missing, "missing"), (summary.failed, "failed"), (summary.diverged, "diverged"),
                     (summary.interrupted, "interrupted")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        out += (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")") + ".\n\n"

        if !summary.rendered.isEmpty {
            out += "## Figures\n\n"
            for image in summary.rendered {
                let title = ((image as NSString).lastPathComponent as NSString).deletingPathExtension
                    .replacingOccurrences(of: "_", with: " ")
                out += "![\(title)](\(image))\n\n"
            }
        } else if !scripts.isEmpty {
            out += "## Figures\n\n"
            out += "Not rendered: `runner report` on this folder with `--render png` (or `svg`) draws them with gnuplot from "
                + scripts.map { "`plots/\($0)`" }.joined(separator: ", ") + ".\n\n"
        }

        out += "## Final return per cell\n\n"
        out += MarkdownText.table(
            ["cell", "n", "mean", "95% CI", "IQM", "median", "diverged", "curve area (95% CI)"],
            summary.cells.map { c in
                [c.label, String(c.n), MarkdownText.number(c.mean), MarkdownText.interval(c.interval),
                 MarkdownText.number(c.iqm), MarkdownText.number(c.median), String(c.diverged),
                 "\(MarkdownText.number(c.curveArea)) \(MarkdownText.interval(c.curveAreaInterval))"]
            }, rightAligned: [1, 2, 4, 5, 6]) + "\n"

        let finals = comparisons.filter { $0.metric == .finalReturn }
        if !finals.isEmpty {
            out += "## Comparisons\n\n"
            for c in finals { out += "- " + sentence(c, plan: plan) + "\n" }
            out += "\n" + comparisonTable(comparisons) + "\n"
            out += "Differences are paired over seeds, with the paired t-test and its 95% Student t CI "
                + "(Welch's test and interval when a cell lacks some of the other's seeds); p (Holm) is adjusted "
                + "over the comparisons of each metric, and the verdict is `better` or `worse` when it is below 0.05 "
                + "(higher is better, except for the log10 variance); P(A > B) has Newcombe's 95% interval; "
                + "`comparisons.csv` has every step. Definitions: docs/statistics.md.\n\n"
        }

        let ratios = summary.cells.compactMap { c -> [String]? in
            guard let step = c.variance.last(where: { $0.ratioToNone.isFinite })?.step else { return nil }
            let atStep = c.variance.filter { $0.step == step }
            return [c.label, String(step), String(atStep.first?.n ?? 0)]
                + varianceBaselines(summary).map { b in atStep.first { $0.baseline == b }.map { MarkdownText.number($0.ratioToNone) } ?? "-" }
        }
        if !ratios.isEmpty {
            out += "## Gradient variance relative to no baseline\n\n"
            out += "Mean variance of the gradient estimate under each baseline divided by that without one, "
                + "at the last step measured, on the same batches.\n\n"
            out += MarkdownText.table(["cell", "step", "n"] + varianceBaselines(summary), ratios,
                                      rightAligned: Set(1..<(3 + varianceBaselines(summary).count)))
        }
        return out
    }

    /// "`value` vs `none` (entropy_coef=0.0): better, +376.6 final return [CI 326.9, 426.2]
    /// (paired t, p (Holm) = 0.0001), P(improvement) = 1.00 [0.64, 1.00], n = 5 paired seeds."
    static func sentence(_ c: Comparison, plan: ExperimentPlan) -> String {
        let a = plan.cells[c.cellA], b = plan.cells[c.cellB]
        let axisKeys = Set(c.axis.split(separator: "+").map(String.init))
        func values(_ cell: ExperimentPlan.Cell) -> String {
            cell.values.filter { axisKeys.contains($0.key) }.map(\.value).joined(separator: ", ")
        }
        let context = a.values.filter { !axisKeys.contains($0.key) }.map { "\($0.key)=\($0.value)" }
        var text = MarkdownText.code(values(a)) + " vs " + MarkdownText.code(values(b))
        if !context.isEmpty { text += " (" + context.joined(separator: ", ") + ")" }
        guard c.meanDifference.isFinite else { return text + ": no final return in one of the cells." }
        guard let test = c.test else {
            return text + ": \(MarkdownText.signed(c.meanDifference)) final return, no test (fewer than 2 runs in a cell)."
        }
        text += ": \(c.verdict.rawValue), \(MarkdownText.signed(c.meanDifference)) final return"
        text += " [CI \(MarkdownText.number(c.differenceInterval.low)), \(MarkdownText.number(c.differenceInterval.high))]"
        text += " (\(test == .pairedT ? "paired t" : "Welch"), p (Holm) = \(pValue(c.pHolm)))"
        text += ", P(improvement) = \(String(format: "%.2f", c.pImprovement)) "
            + MarkdownText.interval(c.pImprovementInterval, decimals: 2)
        text += ", " + seedCount(c)
        if c.verdict == .inconclusive { text += "; more seeds needed" }
        return text + "."
    }

    /// "n = 5 paired seeds" for a paired comparison, "n = 5 and 4 runs" otherwise.
    static func seedCount(_ c: Comparison) -> String {
        c.test == .welch ? "n = \(c.nA) and \(c.nB) runs" : "n = \(c.nPaired) paired seed\(c.nPaired == 1 ? "" : "s")"
    }

    /// Final return, curve area, and the variance at the last step both cells measured.
    static func comparisonTable(_ comparisons: [Comparison]) -> String {
        var shown: [Comparison] = []
        for (i, c) in comparisons.enumerated() {
            let next = comparisons.indices.contains(i + 1) ? comparisons[i + 1] : nil
            let lastStep = c.metric == .log10Variance && !(next?.metric == .log10Variance && next?.cellA == c.cellA && next?.axis == c.axis)
            if c.metric != .log10Variance || lastStep { shown.append(c) }
        }
        let rows = shown.map { c -> [String] in
            let metric = c.metric == .log10Variance ? "log10 variance (step \(c.step ?? 0))" : c.metric.rawValue
            let n = c.test == .welch ? "\(c.nA), \(c.nB)" : String(c.nPaired)
            return [c.labelA, c.labelB, metric, n, MarkdownText.signed(c.meanDifference),
                    MarkdownText.interval(c.differenceInterval), c.test?.rawValue ?? "-", pValue(c.p), pValue(c.pHolm),
                    c.verdict.rawValue,
                    String(format: "%.2f", c.pImprovement) + " " + MarkdownText.interval(c.pImprovementInterval, decimals: 2)]
        }
        return MarkdownText.table(
            ["cell A", "cell B", "metric", "n", "A − B", "95% CI", "test", "p", "p (Holm)", "verdict", "P(A > B)"], rows,
            rightAligned: [3, 4, 7, 8])
    }

    static func pValue(_ p: Double) -> String {
        p.isNaN ? "-" : p < 1e-4 ? String(format: "%.1e", p) : String(format: "%.4f", p)
    }

    static func varianceBaselines(_ summary: ReportSummary) -> [String] {
        Aggregator.baselineOrder(Set(summary.cells.flatMap { $0.variance.map(\.baseline) }))
    }
}

extension ReportPage {
    /// The "Across environments" section of `report.md`; empty without aggregates.
    static func aggregatesSection(_ aggregates: [EnvironmentAggregate]) -> String {
        guard !aggregates.isEmpty else { return "" }
        var out = "\n## Across environments\n\n"
        out += "Final returns normalized per environment (`report.normalize`, or min–max over the sweep); "
            + "95% stratified bootstrap CIs, seeds resampled within each environment.\n\n"
        out += MarkdownText.table(
            ["group", "environments", "runs", "IQM", "mean", "median", "optimality gap"],
            aggregates.map { a in
                [a.group, a.environments.joined(separator: ", "), a.runs.map(String.init).joined(separator: " + "),
                 "\(MarkdownText.number(a.iqm)) \(MarkdownText.interval(a.iqmInterval))",
                 "\(MarkdownText.number(a.mean)) \(MarkdownText.interval(a.meanInterval))",
                 "\(MarkdownText.number(a.median)) \(MarkdownText.interval(a.medianInterval))",
                 "\(MarkdownText.number(a.optimalityGap)) \(MarkdownText.interval(a.optimalityGapInterval))"]
            })
        return out
    }
}
