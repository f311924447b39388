/// Reads typed fields of a parsed CSV by column name, so a file with reordered columns still
/// reads; failures are `CSVError`s, which the caller attaches to the file's path.
struct ColumnReader {
    /// For each requested column, its position in the file.
    let positions: [Int]

    init(table: CSVTable, columns: [String]) throws {
        positions = try columns.map { name in
            guard let i = table.columnIndex(name) else { throw CSVError.missingColumn(name) }
            return i
        }
    }

    func text(_ row: [String], _ column: Int) throws -> String {
        let i = positions[column]
        guard i < row.count else { throw CSVError.shortRow(row) }
        return row[i]
    }

    func int(_ row: [String], _ column: Int) throws -> Int {
        let field = try text(row, column)
        guard let value = Int(field) else { throw CSVError.notAnInteger(field) }
        return value
    }

    /// A number in `csvNumber`'s format: empty is NaN, `inf`/`-inf` are infinities.
    func number(_ row: [String], _ column: Int) throws -> Double {
        let field = try text(row, column)
        if field.isEmpty { return .nan }
        guard let value = Double(field), !value.isNaN || field.lowercased() == "nan" else {
            throw CSVError.notANumber(field)
        }
        return value
    }
}
