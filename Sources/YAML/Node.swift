/// A YAML node: scalar, sequence or mapping, with the mark of its first character.
///
/// Mappings keep their keys in file order; every key is a string and carries its own mark.
public struct Node: Sendable {
    /// The content of a node.
    public enum Value: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    /// A scalar as written: its text, its quoting style and its explicit tag, if any.
    public struct Scalar: Sendable, Equatable {
        /// How the scalar was written; only `plain` scalars are resolved by the core schema.
        public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }
        public var text: String
        public var style: Style
        /// The explicit tag in short form (`!!int`), or nil.
        public var tag: String?

        public init(text: String, style: Style = .plain, tag: String? = nil) {
            self.text = text
            self.style = style
            self.tag = tag
        }
    }

    /// One entry of a mapping.
    public struct Pair: Sendable {
        public var key: String
        public var keyMark: Mark
        public var value: Node

        public init(key: String, keyMark: Mark = .generated, value: Node) {
            self.key = key
            self.keyMark = keyMark
            self.value = value
        }
    }

    /// The YAML 1.2 core-schema value of a scalar.
    public enum Resolved: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)

        public static func == (lhs: Resolved, rhs: Resolved) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): return true
            case let (.bool(a), .bool(b)): return a == b
            case let (.int(a), .int(b)): return a == b
            // NaN equals NaN here: two documents that both say `.nan` hold the same value.
            case let (.float(a), .float(b)): return a == b || (a.isNaN && b.isNaN)
            case let (.string(a), .string(b)): return a == b
            default: return false
            }
        }
    }

    public var value: Value
    public var mark: Mark

    public init(_ value: Value, mark: Mark = .generated) {
        self.value = value
        self.mark = mark
    }

    /// The core-schema value of a scalar; nil for a sequence or mapping.
    ///
    /// A scalar whose explicit tag does not fit its text (only possible for nodes built in code;
    /// the parser rejects those) resolves to its text as a string.
    public var resolved: Resolved? {
        guard case .scalar(let scalar) = value else { return nil }
        return (try? CoreSchema.resolve(scalar)) ?? .string(scalar.text)
    }

    /// The scalar, if this node is one.
    public var scalar: Scalar? {
        if case .scalar(let s) = value { return s }
        return nil
    }

    /// The elements, if this node is a sequence.
    public var sequence: [Node]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The string value, if this scalar resolves to a string.
    public var string: String? {
        if case .string(let s)? = resolved { return s }
        return nil
    }

    /// Whether this scalar resolves to null.
    public var isNull: Bool { resolved == .null }

    /// A phrase naming this node's kind and value, for messages: `a mapping`, `the integer 5`,
    /// `the string "0.5" (quoted)`.
    public var kindDescription: String {
        switch value {
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        case .scalar(let scalar):
            switch resolved ?? .null {
            case .null: return "null"
            case .bool(let b): return "the boolean \(b)"
            case .int(let i): return "the integer \(i)"
            case .float: return "the float \(scalar.text)"
            case .string(let s):
                var shown = s
                if shown.count > 40 { shown = String(shown.prefix(37)) + "..." }
                var text = "the string \"\(YAMLEmitter.escape(shown))\""
                // Say "(quoted)" when the quotes are what made it a string, the usual mistake.
                if scalar.style != .plain || scalar.tag != nil,
                   let plain = try? CoreSchema.resolvePlain(scalar.text), plain != .string(scalar.text) {
                    text += " (quoted)"
                }
                return text
            }
        }
    }

    /// The value of `key` in a mapping (the last pair wins); nil for other nodes or missing keys.
    public subscript(key: String) -> Node? {
        guard case .mapping(let pairs) = value else { return nil }
        return pairs.last(where: { $0.key == key })?.value
    }

    /// The node at a path of mapping keys; nil if any step is missing.
    public func lookup(_ path: [String]) -> Node? {
        var node = self
        for key in path {
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }

    /// Whether two trees hold the same values: same resolved scalars, same keys in the same
    /// order; marks, quoting styles and tags are ignored (`.nan` equals `.nan`).
    public func hasSameValue(as other: Node) -> Bool {
        // Iterative, so that comparing deep trees cannot exhaust the stack.
        var work: [(Node, Node)] = [(self, other)]
        while let (a, b) = work.popLast() {
            switch (a.value, b.value) {
            case (.scalar, .scalar):
                guard a.resolved == b.resolved else { return false }
            case let (.sequence(x), .sequence(y)):
                guard x.count == y.count else { return false }
                work.append(contentsOf: zip(x, y))
            case let (.mapping(x), .mapping(y)):
                guard x.count == y.count else { return false }
                for (p, q) in zip(x, y) {
                    guard p.key == q.key else { return false }
                    work.append((p.value, q.value))
                }
            default:
                return false
            }
        }
        return true
    }

    /// The pair of `key` in a mapping, for its key mark.
    public func pair(_ key: String) -> Pair? {
        guard case .mapping(let pairs) = value else { return nil }
        return pairs.last(where: { $0.key == key })
    }
}

// MARK: - Convenience constructors

extension Node {
    /// A string scalar; written double-quoted when a plain scalar would resolve to something else.
    public static func string(_ text: String, mark: Mark = .generated) -> Node {
        let plain = (try? CoreSchema.resolvePlain(text)) ?? .null
        let style: Scalar.Style = plain == .string(text) ? .plain : .doubleQuoted
        return Node(.scalar(Scalar(text: text, style: style)), mark: mark)
    }

    /// An integer scalar.
    public static func int(_ value: Int, mark: Mark = .generated) -> Node {
        Node(.scalar(Scalar(text: String(value))), mark: mark)
    }

    /// A float scalar in shortest round-trip form.
    public static func double(_ value: Double, mark: Mark = .generated) -> Node {
        Node(.scalar(Scalar(text: CoreSchema.format(value))), mark: mark)
    }

    /// A boolean scalar.
    public static func bool(_ value: Bool, mark: Mark = .generated) -> Node {
        Node(.scalar(Scalar(text: value ? "true" : "false")), mark: mark)
    }

    /// The null scalar.
    public static var null: Node { Node(.scalar(Scalar(text: "null"))) }

    /// A sequence.
    public static func sequence(_ items: [Node], mark: Mark = .generated) -> Node {
        Node(.sequence(items), mark: mark)
    }

    /// A mapping from pairs.
    public static func mapping(_ pairs: [Pair], mark: Mark = .generated) -> Node {
        Node(.mapping(pairs), mark: mark)
    }

    /// A mapping from a literal such as `["lr": .double(0.1), "steps": .int(5)]`, in order.
    public static func mapping(_ entries: KeyValuePairs<String, Node>, mark: Mark = .generated) -> Node {
        Node(.mapping(entries.map { Pair(key: $0.key, value: $0.value) }), mark: mark)
    }
}
