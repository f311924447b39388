/// Why CSV text could not be read.
public enum CSVError: Error, Equatable, CustomStringConvertible {
    /// A quoted field opened on `line` never closes.
    case unterminatedQuote(line: Int)
    case strayQuote(line: Int)
    /// A required column is absent from the header.
    case missingColumn(String)

    public var description: String {
        switch self {
        case .unterminatedQuote(let line): "unterminated quoted field starting on line \(line)"
        case .strayQuote(let line): "quote inside an unquoted field on line \(line)"
        case .missingColumn(let name): "missing column '\(name)'"
        }
    }
}
