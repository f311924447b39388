/// Counts 1-based lines and columns the way libyaml 0.2.5 does, so that positions computed
/// here agree with the marks libyaml reports.
///
/// libyaml reads YAML 1.1, whose line breaks are `\n`, `\r\n` (one break), a lone `\r`,
/// NEL (U+0085), LS (U+2028) and PS (U+2029): its scanner resets the column and advances
/// the line on each of them (`SKIP_LINE`/`READ_LINE` over `IS_BREAK`). Columns count
/// Unicode scalars, as libyaml counts characters.
struct LineCounter {
    /// The 1-based line of the next scalar.
    private(set) var line = 1
    /// The 1-based column of the next scalar.
    private(set) var column = 1
    /// Whether the previous scalar was `\r`, so a following `\n` completes the same break.
    private var afterCarriageReturn = false

    /// What one scalar does to the position.
    enum Step: Equatable {
        /// An ordinary character: the column advances.
        case character
        /// A line break: the next scalar starts a new line.
        case lineBreak
        /// The `\n` of a `\r\n` pair, already counted with its `\r`.
        case pairedLineFeed
    }

    /// Whether `scalar` is one of libyaml's line breaks.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": return true
        default: return false
        }
    }

    /// Moves past `scalar`.
    @discardableResult
    mutating func advance(_ scalar: Unicode.Scalar) -> Step {
        defer { afterCarriageReturn = scalar == "\r" }
        if scalar == "\n", afterCarriageReturn { return .pairedLineFeed }
        if LineCounter.isLineBreak(scalar) {
            line += 1
            column = 1
            return .lineBreak
        }
        column += 1
        return .character
    }

    /// The position just after `scalars`, that is, of the scalar that would follow them.
    static func position(after scalars: some Sequence<Unicode.Scalar>) -> (line: Int, column: Int) {
        var counter = LineCounter()
        for scalar in scalars { counter.advance(scalar) }
        return (counter.line, counter.column)
    }

    /// The position of UTF-8 byte `offset` in `bytes` (clamped to the end); bytes of an
    /// incomplete sequence before it count as one replacement character.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let end = max(0, min(offset, bytes.count))
        return position(after: String(decoding: bytes[..<end], as: UTF8.self).unicodeScalars)
    }

    /// `text` cut into lines, without their line breaks; a final line break does not start
    /// a new line, and an empty text is one empty line.
    static func lines(of text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var counter = LineCounter()
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            switch counter.advance(scalars[index]) {
            case .character: break
            case .lineBreak:
                result.append(Substring(scalars[start..<index]))
                start = next
            case .pairedLineFeed:
                start = next
            }
            index = next
        }
        if start < scalars.endIndex || result.isEmpty {
            result.append(Substring(scalars[start..<scalars.endIndex]))
        }
        return result
    }
}
