import Foundation
import TestSupport
import Testing

/// Nothing read from a file or the command line reaches the terminal as a control character.
@Suite struct TerminalEscapeBinaryTests {
    /// An experiment that validates, to which each test appends one line.
    static let base = ExperimentFixture.text("tiny")

    /// The control characters a terminal would obey: C0 except line feed, DEL and C1.
    static func controls(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test func aDecodedEscapeSequenceIsPrintedEscaped() throws {
        let dir = TemporaryFolder()
        let config = dir.write("esc.yaml", Self.base + "baseline: \"\\e[2J\\u009B\"\n")
        let outcome = try BinaryRunner.run(["validate", config])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("unknown value '\\u{1B}[2J\\u{9B}'"), "\(outcome.stderr)")
        #expect(Self.controls(outcome.stderr).isEmpty, "\(outcome.stderr.unicodeScalars.map(\.value))")
    }

    @Test func aRawControlCharacterInTheEchoedLineIsEscaped() throws {
        let dir = TemporaryFolder()
        let config = dir.write("raw.yaml", Self.base + "grid: {baseline: [none, \"\u{1B}[2J\u{9B}\"]}\n")
        let outcome = try BinaryRunner.run(["validate", config])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("grid: {baseline: [none, \"\\u{1B}[2J\\u{9B}\"]}\n"), "\(outcome.stderr)")
        #expect(Self.controls(outcome.stderr).isEmpty, "\(outcome.stderr.unicodeScalars.map(\.value))")
    }

    /// A message built by the command itself (here from the file name) is escaped too.
    @Test func aFileNameWithControlCharactersIsEscaped() throws {
        let outcome = try BinaryRunner.run(["validate", "no-such-\u{1B}]0;owned\u{07}.yaml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no-such-\\u{1B}]0;owned\\u{7}.yaml"), "\(outcome.stderr)")
        #expect(Self.controls(outcome.stderr).isEmpty)
    }
}
