import Foundation
import Terminal

/// An error or warning about a place in a YAML file.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// Where the problem is.
    public var mark: Mark
    /// Dotted key path such as `estimator.gamma` or `grid.baseline[2]`; empty if none.
    public var path: String
    /// What is wrong, in one line.
    public var message: String
    /// The key, when the diagnostic is about a mapping key that nothing reads (a misspelling,
    /// or another tool's name for a setting), so that a caller can say more about it.
    public var unknownKey: String?
    /// Whether libyaml ran out of memory: nothing is wrong with the file, the process lacked
    /// room (`ulimit -v`), so a caller reports it as a failure of the system, not of the file.
    public var isOutOfMemory = false

    public init(_ severity: Severity = .error, at mark: Mark, path: String = "", message: String) {
        self.severity = severity
        self.mark = mark
        self.path = path
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: key.path: message`, then the source line and a caret under the column.
    ///
    /// Control characters are escaped (`TerminalText`) in the head and in the echoed line, so
    /// a value or a line read from a file cannot drive the terminal. The caret line copies the
    /// tabs of the source prefix and widens for escaped characters, so the caret stays under
    /// the column in a terminal.
    public var description: String {
        var head = "\(mark.description): \(severity.rawValue): "
        if !path.isEmpty { head += "\(path): " }
        head = TerminalText.escaped(head + message)
        guard mark.line >= 1, let line = mark.source.line(mark.line) else { return head }
        let keeping: Set<Unicode.Scalar> = ["\t"]
        var caret = ""
        var count = 0
        for scalar in line.unicodeScalars where count < mark.column - 1 {
            if scalar == "\t" {
                caret += "\t"
            } else {
                caret += String(repeating: " ", count: TerminalText.escapedWidth(scalar, keeping: keeping))
            }
            count += 1
        }
        if count < mark.column - 1 { caret += String(repeating: " ", count: mark.column - 1 - count) }
        return head + "\n" + TerminalText.escaped(line, keeping: keeping) + "\n" + caret + "^"
    }

    /// The dotted form of a coding path: `a.b[2].c`.
    public static func keyPath(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let key = key as? IndexKey {
                result += "[\(key.index)]"
            } else if let index = key.intValue, key.stringValue == "Index \(index)" {
                // The sequence keys of Foundation's decoders, which are not `IndexKey`.
                result += "[\(index)]"
            } else {
                if !result.isEmpty { result += "." }
                result += key.stringValue
            }
        }
        return result
    }

    /// Joins a parent key path and a child key.
    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }
}

extension Diagnostic: LocalizedError {
    /// The full description, so `localizedDescription` prints file, line, column and caret.
    public var errorDescription: String? { description }
}
