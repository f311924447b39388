/// Why CSV text could not be read.
package enum CSVError: Error, Equatable, CustomStringConvertible {
    /// A quoted field opened on `line` never closes.
    case unterminatedQuote(line: Int)
    case strayQuote(line: Int)
    /// A required column is absent from the header.
    case missingColumn(String)
    /// A data row has fewer fields than the header names.
    case shortRow([String])
    /// A field of an integer column holds something else.
    case notAnInteger(String)
    /// A field of a number column holds something else.
    case notANumber(String)
    /// The bytes are not UTF-8 text.
    case notUTF8

    package var description: String {
        switch self {
        case .unterminatedQuote(let line): "unterminated quoted field starting on line \(line)"
        case .strayQuote(let line): "quote inside an unquoted field on line \(line)"
        case .missingColumn(let name): "missing column '\(name)'"
        case .shortRow(let row): "short row \(row)"
        case .notAnInteger(let field): "'\(field)' is not an integer"
        case .notANumber(let field): "'\(field)' is not a number"
        case .notUTF8: "not UTF-8 text"
        }
    }
}
