import Foundation
import PolicyGradient
import Results

/// What a report found: one row per cell, job counts, and what rendering did.
package struct ReportSummary: Sendable {
    /// The experiment's name.
    package var experiment: String
    /// The swept keys, in the plan's order.
    package var sweptKeys: [String]
    /// Per-cell statistics, in cell order.
    package var cells: [CellSummary]
    /// Files written, relative to the results folder, in writing order.
    package var files: [String]
    /// Images rendered, relative to the results folder.
    package var rendered: [String]
    /// Why some renders failed (rendering failures are reported, never fatal), or why
    /// rendering was skipped.
    package var renderProblems: [String]
    /// Rendering was asked for and there is no gnuplot to do it.
    package var gnuplotMissing = false
    /// Jobs whose files do not match their `result.json`, with the reason; counted as missing.
    package var damaged: [(jobId: String, reason: String)] = []
    /// Jobs whose `result.json` records no checksums (written by an earlier version): read as
    /// they stand, unverified.
    package var unverified: [String] = []
    /// Final-return comparisons whose test is inconclusive after Holm's correction, as
    /// `A vs B: +d [CI low, high], p (Holm) = p, n = k paired seeds`; the text notes them.
    package var inconclusiveComparisons: [String] = []

    package init(
        experiment: String, sweptKeys: [String], cells: [CellSummary], files: [String] = [],
        rendered: [String] = [], renderProblems: [String] = []
    ) {
        self.experiment = experiment
        self.sweptKeys = sweptKeys
        self.cells = cells
        self.files = files
        self.rendered = rendered
        self.renderProblems = renderProblems
    }

    /// Jobs planned.
    package var jobs: Int { cells.reduce(0) { $0 + $1.completed + $1.diverged + $1.failed + $1.interrupted + $1.missing } }
    /// Jobs without a `result.json`.
    package var missing: Int { cells.reduce(0) { $0 + $1.missing } }
    package var diverged: Int { cells.reduce(0) { $0 + $1.diverged } }
    package var failed: Int { cells.reduce(0) { $0 + $1.failed } }
    package var interrupted: Int { cells.reduce(0) { $0 + $1.interrupted } }

    /// The end-of-run table: cell, n, mean, 95% CI, diverged, and the variance ratio of the
    /// cell's own baseline to `none` at the last measured step (`-` when not measured).
    ///
    ///     cell                               n    mean  95% CI             diverged  var/none
    ///     baseline=none,entropy_coef=0.0     5   180.2  [150.1, 210.4]            0      1.00
    package var text: String {
        var rows = [["cell", "n", "mean", "95% CI", "diverged", "var/none"]]
        for c in cells {
            rows.append([
                c.label, String(c.n), Self.format(c.mean),
                c.interval.low.isNaN ? "-" : "[\(Self.format(c.interval.low)), \(Self.format(c.interval.high))]",
                String(c.diverged), c.varianceRatioToNone.map { Self.format($0, digits: 3) } ?? "-",
            ])
        }
        var out = AlignedText.table(rows, rightAligned: [1, 2, 4, 5])
        var notes: [String] = []
        if missing > damaged.count { notes.append("\(missing - damaged.count) missing") }
        if !damaged.isEmpty { notes.append("\(damaged.count) damaged") }
        if failed > 0 { notes.append("\(failed) failed") }
        if interrupted > 0 { notes.append("\(interrupted) interrupted") }
        if !notes.isEmpty { out += "jobs: \(jobs) planned, " + notes.joined(separator: ", ") + "\n" }
        if !inconclusiveComparisons.isEmpty {
            out += "note: these differences in final return are inconclusive at the 5% level after Holm's correction "
                + "(more seeds needed: runner plan --power):\n"
            for line in inconclusiveComparisons { out += "  \(line)\n" }
        }
        return out
    }

    /// A number for the table: `digits` significant digits when |x| ≥ 1, `digits − 1`
    /// decimals below 1, scientific notation beyond [1e-3, 1e6); `-` for NaN.
    package static func format(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return x.isNaN ? "-" : csvNumber(x) }
        if x != 0 && (abs(x) >= 1e6 || abs(x) < 1e-3) { return String(format: "%.\(digits - 1)e", x) }
        let decimals = Swift.max(0, digits - 1 - Int((abs(x) < 1 ? 0 : log10(abs(x))).rounded(.down)))
        return String(format: "%.\(decimals)f", x)
    }
}
