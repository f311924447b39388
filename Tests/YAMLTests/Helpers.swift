import Testing
@testable import YAML

/// The diagnostic `body` throws, or nil (recorded as a test failure) when it throws none.
func diagnostic(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> Diagnostic? {
    do {
        try body()
    } catch let d as Diagnostic {
        return d
    } catch {
        Issue.record("expected a Diagnostic, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    Issue.record("expected an error, got none", sourceLocation: sourceLocation)
    return nil
}

/// The diagnostic of parsing `text`.
func parseError(_ text: String, limits: ParseLimits = .init(),
                sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
    diagnostic(sourceLocation: sourceLocation) { _ = try YAMLParser.parse(text, path: "test.yaml", limits: limits) }
}

/// Asserts a diagnostic's line, column and that its message contains `gist`.
func expectDiagnostic(_ d: Diagnostic?, line: Int, column: Int, _ gist: String, path: String? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    guard let d else { return }
    #expect(d.mark.line == line, "line of: \(d)", sourceLocation: sourceLocation)
    #expect(d.mark.column == column, "column of: \(d)", sourceLocation: sourceLocation)
    #expect(d.message.contains(gist), "message of: \(d)", sourceLocation: sourceLocation)
    if let path { #expect(d.path == path, "path of: \(d)", sourceLocation: sourceLocation) }
}

/// Parses `text` (test helper; fails the test on error).
func parse(_ text: String) throws -> Node {
    try YAMLParser.parse(text, path: "test.yaml")
}

/// Structural equality of resolved values (marks and styles ignored).
func sameValue(_ a: Node, _ b: Node) -> Bool { a.hasSameValue(as: b) }
