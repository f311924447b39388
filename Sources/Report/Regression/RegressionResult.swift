import PolicyGradient
import Results

/// The outcome of `runner check`: one verdict per cell.
public struct RegressionResult: Sendable {
    /// One cell's verdict.
    public struct Row: Sendable, Equatable {
        public var cell: String
        public var n: Int
        /// The current mean final return (NaN when missing).
        public var mean: Double
        /// The reference mean; NaN when the cell has no reference.
        public var referenceMean: Double
        /// The mean must be ≥ this: the larger of `min` and the reference threshold; NaN when
        /// neither applies.
        public var threshold: Double
        public var status: RegressionStatus

        public init(cell: String, n: Int, mean: Double, referenceMean: Double, threshold: Double, status: RegressionStatus) {
            self.cell = cell
            self.n = n
            self.mean = mean
            self.referenceMean = referenceMean
            self.threshold = threshold
            self.status = status
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) {
        self.rows = rows
    }

    /// True when at least one cell was checked and none failed, is missing or is unbounded.
    public var passed: Bool { !rows.isEmpty && !rows.contains { $0.status.isFailure } }

    /// Why the check failed, in one line; nil when it passed.
    public var failureReason: String? {
        if rows.isEmpty { return "no cell to check (every cell excluded or filtered out)" }
        let failures = rows.filter { $0.status.isFailure }
        guard !failures.isEmpty else { return nil }
        var reason = "\(failures.count) of \(rows.count) cells"
        let unbounded = failures.filter { $0.status == .unbounded }.count
        if unbounded > 0 {
            reason += "; \(unbounded) with no bound: set regression.min or give the cell a row in regression.reference"
        }
        return reason
    }

    /// `regression.csv`: cell, mean, reference_mean, threshold, status.
    public var csv: CSVTable {
        CSVTable(
            header: ["cell", "mean", "reference_mean", "threshold", "status"],
            rows: rows.map { [$0.cell, csvNumber($0.mean), csvNumber($0.referenceMean), csvNumber($0.threshold), $0.status.rawValue] })
    }

    /// An aligned table for the terminal, then a `passed`/`FAILED` line.
    public var text: String {
        var table = [["cell", "n", "mean", "reference", "threshold", "status"]]
        for r in rows {
            table.append([
                r.cell, String(r.n), ReportSummary.format(r.mean), ReportSummary.format(r.referenceMean),
                ReportSummary.format(r.threshold), r.status.rawValue,
            ])
        }
        let verdict = failureReason.map { "regression check FAILED: \($0)\n" } ?? "regression check passed\n"
        return (rows.isEmpty ? "" : AlignedText.table(table, rightAligned: [1, 2, 3, 4])) + verdict
    }
}
