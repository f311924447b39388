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

    /// Throws the collected errors, if any.
    func throwIfErrors() throws {
        if !errors.isEmpty { throw ConfigurationError(errors) }
    }
}
