import Terminal
import Testing
@testable import YAML

/// Control characters are rendered visibly, in messages and in the echoed source line, and
/// the caret stays under its column.
struct TerminalTextTests {
    @Test func everyControlCharacterIsEscapedAndNothingElse() {
        var text = ""
        for value in UInt32(0)...0xA0 { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        text += "é—\u{FFFD}"
        let escaped = TerminalText.escaped(text)
        // What is left: the line feed, the tab, and printable characters.
        #expect(escaped.unicodeScalars.allSatisfy {
            $0 == "\n" || $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value))
        })
        #expect(escaped.hasPrefix("\\u{0}\\u{1}"))
        #expect(escaped.contains("\\u{8}\t\n\\u{B}"))
        #expect(escaped.contains("~\\u{7F}\\u{80}"))
        #expect(escaped.hasSuffix("\\u{9F}\u{A0}é—\u{FFFD}"))
        #expect(TerminalText.escaped("plain text\n") == "plain text\n")
        #expect(TerminalText.escaped("a\tb\n", keeping: []) == "a\\u{9}b\\u{A}")
    }

    @Test func aDiagnosticEscapesItsMessageAndSourceLineAndKeepsTheCaretAligned() {
        // The error is at the `x`, after an escape sequence and a C1 control on the same line.
        let source = SourceFile(path: "f\u{1B}.yaml", text: "a: 1\nk: \"\u{1B}[2J\u{9B}\" x\n")
        let d = Diagnostic(at: Mark(source: source, line: 2, column: 12), path: "k\u{7}",
                           message: "bad value '\u{1B}[2J'")
        let lines = d.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "f\\u{1B}.yaml:2:12: error: k\\u{7}: bad value '\\u{1B}[2J'",
            "k: \"\\u{1B}[2J\\u{9B}\" x",
            "                     ^",
        ])
        // The caret is under the `x` in the escaped line.
        let caret = lines[2].count - 1
        #expect(Array(lines[1])[caret] == "x")
    }

    @Test func tabsInTheSourceLineStayTabs() {
        let source = SourceFile(path: "t.yaml", text: "\t\u{1B}b: x\n")
        let d = Diagnostic(at: Mark(source: source, line: 1, column: 6), message: "m")
        #expect(d.description == "t.yaml:1:6: error: m\n\t\\u{1B}b: x\n\t         ^")
    }
}
