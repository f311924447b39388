import Foundation
import PolicyGradient
import Results

/// Per-cell accepted results for `runner check`: a CSV with columns `cell, n, mean, std`.
///
/// Written from a report with `--update-reference`; read back by `RegressionCheck`. Only
/// `cell` and `mean` are required when reading; `n` and `std` may be empty or absent.
package struct ReferenceTable: Sendable, Equatable {
    /// One cell's accepted result.
    package struct Entry: Sendable, Equatable {
        package var n: Int?
        package var mean: Double
        /// NaN when unknown (for instance when the reference had a single seed).
        package var std: Double

        package init(n: Int?, mean: Double, std: Double) {
            self.n = n
            self.mean = mean
            self.std = std
        }
    }

    /// Entries by cell label, in file order.
    package var entries: [(cell: String, entry: Entry)]

    package init(entries: [(cell: String, entry: Entry)]) {
        self.entries = entries
    }

    package static func == (a: ReferenceTable, b: ReferenceTable) -> Bool {
        a.entries.map(\.cell) == b.entries.map(\.cell) && a.entries.map(\.entry) == b.entries.map(\.entry)
    }

    /// The entry of `cell`, if any.
    package func entry(for cell: String) -> Entry? {
        entries.first { $0.cell == cell }?.entry
    }

    /// The reference a report's cells define: cells with no counted seed are left out.
    package init(cells: [CellSummary]) {
        entries = cells.filter { $0.n > 0 }.map { (cell: $0.label, entry: Entry(n: $0.n, mean: $0.mean, std: $0.std)) }
    }

    /// The table as CSV: cell, n, mean, std.
    package var csv: CSVTable {
        CSVTable(
            header: ["cell", "n", "mean", "std"],
            rows: entries.map { [$0.cell, $0.entry.n.map(String.init) ?? "", csvNumber($0.entry.mean), csvNumber($0.entry.std)] })
    }

    /// Writes the table atomically to `url`, creating missing folders.
    package func write(to url: URL) throws {
        try AtomicFile.write(csv.text, to: url)
    }

    /// Reads a reference file. Throws `ReportError.referenceNotFound` when it does not exist,
    /// and `ReportError.unreadable` for a row whose mean is not a finite number or whose std
    /// is infinite or negative (an empty or `nan` std means unknown): a NaN threshold would
    /// let every comparison pass.
    package static func read(from url: URL) throws -> ReferenceTable {
        guard let table = try table(at: url) else {
            throw ReportError.referenceNotFound(path: url.path)
        }
        guard let cellColumn = table.columnIndex("cell"), let meanColumn = table.columnIndex("mean") else {
            throw ReportError.unreadable(path: url.path, reason: "a reference needs the columns cell and mean")
        }
        let nColumn = table.columnIndex("n")
        let stdColumn = table.columnIndex("std")
        var entries: [(cell: String, entry: Entry)] = []
        for row in table.rows {
            func field(_ i: Int?) -> String? { i.flatMap { $0 < row.count ? row[$0] : nil } }
            guard let cell = field(cellColumn), let mean = field(meanColumn).flatMap(Double.init) else {
                throw ReportError.unreadable(path: url.path, reason: "bad reference row \(row)")
            }
            guard mean.isFinite else {
                throw ReportError.unreadable(path: url.path, reason: "the mean of cell '\(cell)' is \(field(meanColumn)!), not a finite number")
            }
            let n = field(nColumn).flatMap { Int($0) }
            let std = field(stdColumn).flatMap { Double($0) } ?? .nan
            guard std.isNaN || (std.isFinite && std >= 0) else {
                throw ReportError.unreadable(path: url.path, reason: "the std of cell '\(cell)' is \(field(stdColumn)!), not a finite number >= 0")
            }
            entries.append((cell: cell, entry: Entry(n: n, mean: mean, std: std)))
        }
        return ReferenceTable(entries: entries)
    }

    /// The CSV file at `url`; nil when there is none. Throws `ReportError.unreadable` when it
    /// is not UTF-8 or not CSV.
    private static func table(at url: URL) throws -> CSVTable? {
        guard let data = try SafeFiles.contents(of: url) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError.unreadable(path: url.path, reason: "not UTF-8")
        }
        do {
            return try CSVTable(parsing: text)
        } catch {
            throw ReportError.unreadable(path: url.path, reason: "\(error)")
        }
    }
}
