/// A source text and its display path; shared by every `Mark` taken from it.
///
/// Lines are split the way libyaml counts them (`\n`, `\r\n`, a lone `\r`, NEL, LS and PS;
/// see `LineCounter`), so a mark's line number always finds the line it was taken from.
public final class SourceFile: Sendable {
    /// The path as shown in diagnostics.
    public let path: String
    /// The full text (a leading byte-order mark removed).
    public let text: String
    /// The text of each line, without its line break.
    private let lines: [Substring]

    /// Creates a source file; a leading byte-order mark is dropped from `text`.
    public init(path: String, text: String) {
        self.path = path
        let body = text.unicodeScalars.first == "\u{FEFF}"
            ? String(text.unicodeScalars.dropFirst()) : text
        self.text = body
        self.lines = LineCounter.lines(of: body)
    }

    /// The 1-based line `number`, without its line break; nil when out of range.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    /// The number of lines (a final line break does not start a new line).
    public var lineCount: Int { lines.count }
}
