import Experiment

extension RegressionResult {
    /// `regression.md`: the verdict, one sentence per cell and the table, in the style of
    /// `report.md` (ready for a CI job summary).
    package func markdown(experiment: String, settings: RegressionSettings) -> String {
        var out = "# Regression check: \(experiment)\n\n"
        out += failureReason.map { "**FAILED**: \($0).\n\n" } ?? "**Passed**: every cell was checked and passed.\n\n"
        for r in rows { out += "- " + sentence(r, settings: settings) + "\n" }
        if !rows.isEmpty {
            let interval = mode == .nonInferiority
            out += "\n" + MarkdownText.table(
                ["cell", "n", "mean", "reference", "threshold"] + (interval ? ["95% CI of difference"] : []) + ["status"],
                rows.map { r in
                    [r.cell, String(r.n), MarkdownText.number(r.mean), MarkdownText.number(r.referenceMean),
                     MarkdownText.number(r.threshold)] + (interval ? [MarkdownText.interval(r.difference)] : [])
                        + [r.status.rawValue]
                }, rightAligned: [1, 2, 3, 4])
        }
        return out
    }

    /// "`cell`: mean 48.14 over n = 3 seeds, threshold 38.0 (reference 48.14): pass."
    func sentence(_ r: Row, settings: RegressionSettings) -> String {
        var text = MarkdownText.code(r.cell) + ": "
        guard r.n > 0 else { return text + "no completed seed: \(r.status.rawValue)." }
        let seeds = "n = \(r.n) seed\(r.n == 1 ? "" : "s")"
        if mode == .nonInferiority && !r.referenceMean.isNaN {
            text += "current − reference = \(MarkdownText.signed(r.mean - r.referenceMean))"
            text += r.difference.low.isNaN ? " (no interval: fewer than 2 seeds on a side)" : " [CI \(MarkdownText.interval(r.difference).dropFirst().dropLast())]"
            text += " over \(seeds), margin \(MarkdownText.number(settings.margin ?? 0))"
        } else {
            text += "mean \(MarkdownText.number(r.mean)) over \(seeds)"
            if !r.threshold.isNaN { text += ", threshold \(MarkdownText.number(r.threshold))" }
            if !r.referenceMean.isNaN { text += " (reference \(MarkdownText.number(r.referenceMean)))" }
        }
        return text + ": " + r.status.rawValue + (fails(r.status) ? " ✗" : "") + "."
    }
}
