/// A 1-based position (line and column, in Unicode scalars) in a source file.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    /// The file the position refers to.
    public let source: SourceFile
    /// The 1-based line.
    public let line: Int
    /// The 1-based column, counted in Unicode scalars.
    public let column: Int

    /// Creates a mark in `source`.
    public init(source: SourceFile, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// The display path of the source file.
    public var file: String { source.path }

    /// `file:line:column`.
    public var description: String { "\(source.path):\(line):\(column)" }

    /// The mark of nodes built in code rather than parsed.
    public static let generated = Mark(source: SourceFile(path: "<generated>", text: ""), line: 0, column: 0)

    public static func == (lhs: Mark, rhs: Mark) -> Bool {
        lhs.line == rhs.line && lhs.column == rhs.column && lhs.source.path == rhs.source.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source.path)
        hasher.combine(line)
        hasher.combine(column)
    }
}
