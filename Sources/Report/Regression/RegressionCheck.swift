import Experiment
import Foundation
import Results

/// The CI regression check on final returns (`runner check`; docs/architecture.md, "The experiment file" and "Command line").
///
/// For each cell with current mean x̄ over n completed seeds:
/// - with `min`: fail when x̄ < min;
/// - with a reference entry (mean μ_ref): fail when x̄ < μ_ref − tolerance · SE, where
///   SE = s / √n is the standard error of the *current* run (the quantity whose noise the
///   tolerance allows for). With n = 1 the current s is undefined, so the reference's std
///   stands in: SE = s_ref / √1. When no std is known at all (n = 1 on both sides), SE = 0
///   and the cell must match the reference mean — runs are deterministic, so any drop is a
///   real change;
/// - a cell absent from the reference is `new`: not a failure when it is held to `min`;
/// - a cell with neither `min` nor a reference entry is `unbounded`, a failure: a gate with
///   nothing to compare against must not pass;
/// - a cell with no completed seed is `missing`, a failure.
/// A check over no cell at all fails too (`RegressionResult.passed`), and a reference whose
/// mean is not finite is refused when read (`ReferenceTable.read`).
/// The threshold reported is the larger of the two that apply. Comparisons are `x̄ ≥ threshold`.
///
/// With `mode: non_inferiority` each cell with a reference entry is judged by the 95% interval
/// of (current − reference) instead of the tolerance (`nonInferiorityRow`); `min` still applies.
package struct RegressionCheck: Sendable {
    package var settings: RegressionSettings
    /// Whether an inconclusive cell fails (`check --strict`).
    package var strict: Bool

    package init(settings: RegressionSettings, strict: Bool = false) {
        self.settings = settings
        self.strict = strict
    }

    /// Checks `summary` against `min` and, when `reference` is given, against the reference
    /// file there (a missing file throws `ReportError.referenceNotFound`).
    package func evaluate(_ summary: ReportSummary, reference: URL?) throws -> RegressionResult {
        let table = try reference.map { try ReferenceTable.read(from: $0) }
        return evaluate(summary, reference: table)
    }

    /// Checks `summary` against `min` and an already-read reference table.
    package func evaluate(_ summary: ReportSummary, reference: ReferenceTable?) -> RegressionResult {
        RegressionResult(rows: summary.cells.map { cell in
            let entry = reference?.entry(for: cell.label)
            if settings.mode == .nonInferiority, let entry, cell.n > 0, cell.mean.isFinite {
                return nonInferiorityRow(cell, entry)
            }
            var thresholds: [Double] = []
            if let min = settings.min { thresholds.append(min) }
            if let entry {
                var se = cell.n >= 2 ? Statistics.standardError(cell.finalReturns.map(\.value)) : (entry.std.isFinite ? entry.std : 0)
                if !se.isFinite { se = 0 }
                thresholds.append(entry.mean - settings.tolerance * se)
            }
            let threshold = thresholds.max() ?? .nan
            let status: RegressionStatus
            if cell.n == 0 || !cell.mean.isFinite {
                status = .missing
            } else if thresholds.isEmpty {
                status = .unbounded
            } else if cell.mean < threshold {
                status = .fail
            } else if reference != nil && entry == nil {
                status = .new
            } else {
                status = .pass
            }
            return RegressionResult.Row(
                cell: cell.label, n: cell.n, mean: cell.mean, referenceMean: entry?.mean ?? .nan,
                threshold: threshold, status: status)
        }, mode: settings.mode, strict: strict)
    }

    /// Evaluates and writes `regression.csv` and `regression.md` into `resultsDirectory`.
    package func run(summary: ReportSummary, reference: URL?, resultsDirectory: URL) throws -> RegressionResult {
        let result = try evaluate(summary, reference: reference)
        try AtomicFile.write(result.csv.text, to: resultsDirectory.appendingPathComponent("regression.csv"))
        try AtomicFile.write(
            result.markdown(experiment: summary.experiment, settings: settings),
            to: resultsDirectory.appendingPathComponent("regression.md"))
        return result
    }

    /// Writes the reference file of `summary` to `url` (`--update-reference`).
    package static func updateReference(from summary: ReportSummary, at url: URL) throws {
        try ReferenceTable(cells: summary.cells).write(to: url)
    }

    /// The reference file an experiment names, resolved against the experiment file's folder;
    /// nil when `regression.reference` is not set.
    package static func referenceURL(settings: RegressionSettings?, experimentFile: URL) -> URL? {
        guard let path = settings?.reference else { return nil }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return experimentFile.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
    }
}
