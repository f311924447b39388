import Foundation

/// Reads typed fields of a parsed CSV by column name, with errors that name the file and line.
struct ColumnReader {
    let url: URL
    /// For each requested column, its position in the file.
    let positions: [Int]

    init(table: CSVTable, url: URL, columns: [String]) throws {
        self.url = url
        positions = try columns.map { name in
            guard let i = table.columnIndex(name) else {
                throw ReportError.unreadable(path: url.path, reason: "\(CSVError.missingColumn(name))")
            }
            return i
        }
    }

    func text(_ row: [String], _ column: Int) throws -> String {
        let i = positions[column]
        guard i < row.count else {
            throw ReportError.unreadable(path: url.path, reason: "short row \(row)")
        }
        return row[i]
    }

    func int(_ row: [String], _ column: Int) throws -> Int {
        let field = try text(row, column)
        guard let value = Int(field) else {
            throw ReportError.unreadable(path: url.path, reason: "'\(field)' is not an integer")
        }
        return value
    }

    /// A number in `csvNumber`'s format: empty is NaN, `inf`/`-inf` are infinities.
    func number(_ row: [String], _ column: Int) throws -> Double {
        let field = try text(row, column)
        if field.isEmpty { return .nan }
        guard let value = Double(field), !value.isNaN || field.lowercased() == "nan" else {
            throw ReportError.unreadable(path: url.path, reason: "'\(field)' is not a number")
        }
        return value
    }
}
