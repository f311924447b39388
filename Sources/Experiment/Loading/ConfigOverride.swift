import YAML

/// One `--set KEY=VALUE` from the command line: a dotted key path and a YAML value.
///
/// The argument is its own source file, named `command line argument N` (N its position among
/// the process's arguments), so an error in it is reported like an error in a file, with the
/// argument echoed and a caret under the key component or the value:
///
///     command line argument 4:1:11: error: estimator.gama: unknown key 'gama'; did you mean 'gamma'?
///     estimator.gama=0.98
///               ^
///
/// Overrides apply to the experiment as resolved (after `extends`), in order, before anything
/// is decoded or checked: the value replaces the setting at the path whole, as a swept value
/// does, and mappings missing along the path are created. Under `grid`, the rest of the path is
/// one swept key (`grid.estimator.lambda=[0.8, 0.9]` sweeps `estimator.lambda`).
public struct ConfigOverride: Sendable {
    /// The argument as written, `KEY=VALUE`.
    public let argument: String
    /// The key's components, `["estimator", "gamma"]`.
    public let path: [String]
    /// Where each component of the key starts in the argument.
    let keyMarks: [Mark]
    /// The parsed value, its marks in the argument.
    let value: Node

    /// Parses `argument`. `position` is its index among the command line's arguments (the
    /// program name is 0); nil when it did not come from one (it is then named by its text).
    /// Throws `Diagnostic`.
    public init(_ argument: String, position: Int?) throws {
        self.argument = argument
        let name = position.map { "command line argument \($0)" } ?? "command line"
        let source = SourceFile(path: name, text: argument)
        let mark = { (column: Int) in Mark(source: source, line: 1, column: column) }
        let scalars = Array(argument.unicodeScalars)
        guard let equals = scalars.firstIndex(of: "=") else {
            throw Diagnostic(at: mark(1), message: "expected KEY=VALUE, such as estimator.gamma=0.98")
        }
        var path: [String] = []
        var marks: [Mark] = []
        var start = 0
        for i in 0...equals where i == equals || scalars[i] == "." {
            let component = String(String.UnicodeScalarView(scalars[start..<i]))
            guard !component.isEmpty else {
                throw Diagnostic(at: mark(start + 1), message: "expected a dotted key such as estimator.gamma before '='")
            }
            path.append(component)
            marks.append(mark(start + 1))
            start = i + 1
        }
        // `grid.<dotted key>` adds or replaces one swept key: the grid names its keys dotted.
        if path[0] == "grid", path.count > 2 {
            path = ["grid", path.dropFirst().joined(separator: ".")]
            marks = Array(marks.prefix(2))
        }
        if path[0] == "extends" {
            throw Diagnostic(
                at: marks[0], path: "extends",
                message: "cannot be overridden: base files are merged before overrides apply")
        }
        self.path = path
        self.keyMarks = marks
        let text = String(String.UnicodeScalarView(scalars[(equals + 1)...]))
        self.value = try Self.parseValue(text, offset: equals + 1, source: source)
    }

    /// The value as a YAML document. A one-line value is parsed behind spaces as wide as
    /// `KEY=`, so its marks are columns of the whole argument.
    private static func parseValue(_ text: String, offset: Int, source: SourceFile) throws -> Node {
        let multiline = text.contains { $0.isNewline }
        let padded = multiline ? text : String(repeating: " ", count: offset) + text
        let own = multiline ? SourceFile(path: source.path, text: text) : source
        do {
            return try YAMLParser.parse(padded, path: source.path).withSource(own)
        } catch var diagnostic as Diagnostic {
            // An error at the end of a one-line value (an unclosed bracket) is put after its last character.
            let (line, column) = !multiline && diagnostic.mark.line > 1
                ? (1, source.text.unicodeScalars.count + 1) : (diagnostic.mark.line, diagnostic.mark.column)
            diagnostic.mark = Mark(source: own, line: line, column: column)
            throw diagnostic
        }
    }

    /// `tree` with this override's value set at its path; created keys carry the argument's marks.
    public func applied(to tree: Node) -> Node {
        Self.set(path[...], marks: keyMarks[...], value: value, in: tree)
    }

    private static func set(_ path: ArraySlice<String>, marks: ArraySlice<Mark>, value: Node, in node: Node) -> Node {
        guard let key = path.first, let keyMark = marks.first else { return value }
        var entries = node.mapping ?? []
        let parent = node.mapping == nil ? Node(.mapping([]), mark: keyMark) : node
        if let i = entries.lastIndex(where: { $0.key == key }) {
            entries[i].value = set(path.dropFirst(), marks: marks.dropFirst(), value: value, in: entries[i].value)
        } else {
            let child = set(path.dropFirst(), marks: marks.dropFirst(), value: value, in: Node(.mapping([]), mark: keyMark))
            entries.append(Node.Pair(key: key, keyMark: keyMark, value: child))
        }
        return Node(.mapping(entries), mark: parent.mark)
    }

    /// The positions of `values` among `arguments` (`CommandLine.arguments`), for `--set VALUE`
    /// and `--set=VALUE`, in order; nil for a value not found there.
    public static func positions(of values: [String], option: String = "--set", in arguments: [String]) -> [Int?] {
        var found: [Int] = []
        var i = 1
        while i < arguments.count {
            if arguments[i] == option, i + 1 < arguments.count {
                found.append(i + 1)
                i += 2
                continue
            }
            if arguments[i].hasPrefix(option + "=") { found.append(i) }
            i += 1
        }
        return values.indices.map { k in
            guard k < found.count else { return nil }
            let argument = arguments[found[k]]
            return argument == values[k] || argument == option + "=" + values[k] ? found[k] : nil
        }
    }
}

extension Node {
    /// This tree with every mark moved to `source`, line and column kept.
    func withSource(_ source: SourceFile) -> Node {
        let mark = Mark(source: source, line: self.mark.line, column: self.mark.column)
        switch value {
        case .scalar:
            return Node(value, mark: mark)
        case .sequence(let items):
            return Node(.sequence(items.map { $0.withSource(source) }), mark: mark)
        case .mapping(let pairs):
            return Node(.mapping(pairs.map {
                Pair(key: $0.key, keyMark: Mark(source: source, line: $0.keyMark.line, column: $0.keyMark.column),
                     value: $0.value.withSource(source))
            }), mark: mark)
        }
    }
}
