import Experiment
import PolicyGradient
import Results

/// The outcome of `runner check`: one verdict per cell.
package struct RegressionResult: Sendable {
    /// One cell's verdict.
    package struct Row: Sendable, Equatable {
        package var cell: String
        package var n: Int
        /// The current mean final return (NaN when missing).
        package var mean: Double
        /// The reference mean; NaN when the cell has no reference.
        package var referenceMean: Double
        /// The mean must be ≥ this: the larger of `min` and the reference threshold; NaN when
        /// neither applies.
        package var threshold: Double
        package var status: RegressionStatus
        /// Non-inferiority: the 95% interval of (current − reference); NaN otherwise.
        package var difference: ConfidenceInterval

        package init(
            cell: String, n: Int, mean: Double, referenceMean: Double, threshold: Double, status: RegressionStatus,
            difference: ConfidenceInterval = .unavailable
        ) {
            self.cell = cell
            self.n = n
            self.mean = mean
            self.referenceMean = referenceMean
            self.threshold = threshold
            self.status = status
            self.difference = difference
        }
    }

    package var rows: [Row]
    /// The rule the cells were judged by; `non_inferiority` adds the interval columns.
    package var mode: RegressionSettings.Mode
    /// Whether an inconclusive cell fails the check (`check --strict`).
    package var strict: Bool

    package init(rows: [Row], mode: RegressionSettings.Mode = .threshold, strict: Bool = false) {
        self.rows = rows
        self.mode = mode
        self.strict = strict
    }

    /// Whether `status` fails this check.
    package func fails(_ status: RegressionStatus) -> Bool { status.isFailure || (strict && status == .inconclusive) }

    /// True when at least one cell was checked and none failed, is missing or is unbounded
    /// (nor, under `strict`, inconclusive).
    package var passed: Bool { !rows.isEmpty && !rows.contains { fails($0.status) } }

    /// Why the check failed, in one line; nil when it passed.
    package var failureReason: String? {
        if rows.isEmpty { return "no cell to check (every cell excluded or filtered out)" }
        let failures = rows.filter { fails($0.status) }
        guard !failures.isEmpty else { return nil }
        var reason = "\(failures.count) of \(rows.count) cells"
        let inconclusive = failures.filter { $0.status == .inconclusive }.count
        if inconclusive > 0 { reason += "; \(inconclusive) inconclusive (--strict): more seeds needed to decide" }
        let unbounded = failures.filter { $0.status == .unbounded }.count
        if unbounded > 0 {
            reason += "; \(unbounded) with no bound: set regression.min or give the cell a row in regression.reference"
        }
        return reason
    }

    /// `regression.csv`: cell, mean, reference_mean, threshold, status; with
    /// `non_inferiority` also difference_ci_low, difference_ci_high.
    package var csv: CSVTable {
        let interval = mode == .nonInferiority
        return CSVTable(
            header: ["cell", "mean", "reference_mean", "threshold", "status"]
                + (interval ? ["difference_ci_low", "difference_ci_high"] : []),
            rows: rows.map {
                [$0.cell, csvNumber($0.mean), csvNumber($0.referenceMean), csvNumber($0.threshold), $0.status.rawValue]
                    + (interval ? [csvNumber($0.difference.low), csvNumber($0.difference.high)] : [])
            })
    }

    /// An aligned table for the terminal, then a `passed`/`FAILED` line.
    package var text: String {
        let interval = mode == .nonInferiority
        var table = [["cell", "n", "mean", "reference", "threshold"] + (interval ? ["95% CI of difference"] : []) + ["status"]]
        for r in rows {
            table.append([
                r.cell, String(r.n), ReportSummary.format(r.mean), ReportSummary.format(r.referenceMean),
                ReportSummary.format(r.threshold)]
                + (interval ? [MarkdownText.interval(r.difference)] : []) + [r.status.rawValue])
        }
        let verdict = failureReason.map { "regression check FAILED: \($0)\n" } ?? "regression check passed\n"
        return (rows.isEmpty ? "" : AlignedText.table(table, rightAligned: [1, 2, 3, 4])) + verdict
    }
}

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
