import Testing
@testable import YAML

/// Lines and columns after every line break libyaml 0.2.5 knows (`\n`, `\r\n`, `\r`, NEL, LS, PS).
///
/// The expected positions are libyaml's own: its scanner starts a new line at each of these
/// breaks and counts columns in characters (checked against the C library's marks).
struct LineBreakTests {
    static let breaks: [(name: String, text: String)] = [
        ("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r"),
        ("NEL", "\u{85}"), ("LS", "\u{2028}"), ("PS", "\u{2029}"),
    ]

    @Test(arguments: breaks)
    func parserMarksAndShownLines(name: String, text b: String) throws {
        // 'é' is two UTF-8 bytes but one column.
        let node = try parse("a: é\(b)bb: 2\(b)c: [x, y]")
        let bb = try #require(node.pair("bb"), "\(name)")
        #expect((bb.keyMark.line, bb.keyMark.column) == (2, 1), "\(name)")
        #expect((bb.value.mark.line, bb.value.mark.column) == (2, 5), "\(name)")
        #expect(bb.keyMark.source.line(2) == "bb: 2", "\(name)")
        let y = try #require(node["c"]?.sequence?[1], "\(name)")
        #expect((y.mark.line, y.mark.column) == (3, 8), "\(name)")
        #expect(y.mark.source.line(3) == "c: [x, y]", "\(name)")
        #expect(y.mark.source.lineCount == 3, "\(name)")
    }

    @Test(arguments: breaks)
    func parserErrorShowsTheLineItPointsAt(name: String, text b: String) {
        // The comment ends at the break, so "c" starts line 2 and "k: v" is line 3.
        let d = parseError("# c\(b)c\nk: v")
        expectDiagnostic(d, line: 3, column: 2, "mapping values are not allowed")
        #expect(d?.description.hasSuffix("\nk: v\n ^") == true, "\(name): \(d.map(String.init(describing:)) ?? "")")
    }

    @Test(arguments: breaks)
    func readerErrorOffsetsBecomeLinesAndColumns(name: String, text b: String) {
        // libyaml reports a byte offset for reader errors; the control character is at 2:5.
        let d = parseError("a: 1\(b)bé: \u{1}")
        expectDiagnostic(d, line: 2, column: 5, "control characters are not allowed")
        // The echoed line shows the control character escaped, the caret at its first column.
        #expect(d?.description.hasSuffix("\nbé: \\u{1}\n    ^") == true, "\(name)")
    }

    @Test(arguments: breaks)
    func invalidUTF8IsLocatedAfterEveryBreak(name: String, text b: String) {
        let bytes = Array("a: 1\(b)bé: ".utf8) + [0xFF] + Array("\(b)c: 3".utf8)
        let d = diagnostic { _ = try YAMLParser.parse(bytes: bytes, path: "bad.yaml") }
        expectDiagnostic(d, line: 2, column: 5, "not valid UTF-8")
        #expect(d?.description.hasSuffix("\nbé: \u{FFFD}\n    ^") == true, "\(name)")
    }

    @Test func counterPositionsAndLines() {
        let text = "a\r\nbc\rd\u{85}e\u{2028}f\u{2029}g\nh"
        #expect(LineCounter.lines(of: text) == ["a", "bc", "d", "e", "f", "g", "h"])
        #expect(LineCounter.position(after: "".unicodeScalars) == (1, 1))
        #expect(LineCounter.position(after: "ab".unicodeScalars) == (1, 3))
        // Between the '\r' and '\n' of a pair the new line has already begun.
        #expect(LineCounter.position(after: "a\r".unicodeScalars) == (2, 1))
        #expect(LineCounter.position(after: "a\r\n".unicodeScalars) == (2, 1))
        #expect(LineCounter.position(after: "a\r\r\n".unicodeScalars) == (3, 1))
        #expect(LineCounter.position(after: "a\n\r".unicodeScalars) == (3, 1))
        #expect(LineCounter.position(after: "\u{2028}éx".unicodeScalars) == (2, 3))
        // Byte offsets: "a\u{85}" is 3 bytes, so byte 4 is after 'é' (2 bytes at offset 3).
        let bytes = Array("a\u{85}éz".utf8)
        #expect(LineCounter.position(ofByte: 3, in: bytes) == (2, 1))
        #expect(LineCounter.position(ofByte: 5, in: bytes) == (2, 2))
        #expect(LineCounter.position(ofByte: 99, in: bytes) == (2, 3))
        // A final break does not start a line; an empty text is one empty line.
        #expect(LineCounter.lines(of: "x\u{2029}") == ["x"])
        #expect(LineCounter.lines(of: "") == [""])
        #expect(LineCounter.lines(of: "\r\n\r\n") == ["", ""])
    }
}
