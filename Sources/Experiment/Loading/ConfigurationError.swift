import YAML

/// An experiment file that cannot run: one or more located errors.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Diagnostics in first-seen order, without repeats (a shared setting is checked once per cell).
struct DiagnosticLog {
    private(set) var errors: [Diagnostic] = []
    private(set) var warnings: [Diagnostic] = []
    private var seen = Set<String>()

    mutating func add(_ diagnostic: Diagnostic) {
        let diagnostic = diagnostic.explainingForeignKey()
        let key = "\(diagnostic.mark)|\(diagnostic.severity)|\(diagnostic.path)|\(diagnostic.message)"
        guard seen.insert(key).inserted else { return }
        if diagnostic.severity == .error { errors.append(diagnostic) } else { warnings.append(diagnostic) }
    }

    mutating func error(_ message: String, at mark: Mark, path: String) {
        add(Diagnostic(.error, at: mark, path: path, message: message))
    }

    mutating func warning(_ message: String, at mark: Mark, path: String) {
        add(Diagnostic(.warning, at: mark, path: path, message: message))
    }

    /// Throws the collected errors, if any, in file order: by line and column within a file,
    /// files in the order their first error was found (an `extends` base and the file itself).
    func throwIfErrors() throws {
        guard !errors.isEmpty else { return }
        var fileRank: [String: Int] = [:]
        for error in errors where fileRank[error.mark.file] == nil { fileRank[error.mark.file] = fileRank.count }
        let ordered = errors.enumerated().sorted { a, b in
            let x = a.element.mark, y = b.element.mark
            return (fileRank[x.file]!, x.line, x.column, a.offset) < (fileRank[y.file]!, y.line, y.column, b.offset)
        }
        throw ConfigurationError(ordered.map(\.element))
    }
}
