import Foundation

/// A table written as RFC 4180 CSV: a header row and data rows, `\n` line ends.
///
/// Fields holding a comma, a quote, a carriage return or a line feed are quoted,
/// with inner quotes doubled; every other field is written as is.
package struct CSVTable: Sendable {
    package var header: [String]
    package var rows: [[String]]

    package init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table as CSV text.
    package var text: String {
        var out = ""
        Self.append(header, to: &out)
        for row in rows { Self.append(row, to: &out) }
        return out
    }

    /// Appends one CSV line (with its `\n`) to `out`.
    package static func append(_ fields: [String], to out: inout String) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            out += escape(field)
        }
        out += "\n"
    }

    /// One CSV line, with its `\n`.
    package static func line(_ fields: [String]) -> String {
        var out = ""
        append(fields, to: &out)
        return out
    }

    /// One field, quoted when it must be.
    package static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
