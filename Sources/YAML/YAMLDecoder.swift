/// Decodes `Decodable` values from a `Node` tree, strictly, with diagnostics at exact marks.
///
/// - Types are strict: an `Int` needs an integer, a `Double` an integer or float, a `String`
///   a string (a quoted `"0.5"` is not a number), a `Bool` `true`/`false`.
/// - A mapping key the decoded type never asked for is an error with a "did you mean" suggestion.
/// - `DecodingError`s thrown by custom `init(from:)` become `Diagnostic`s at the node they name.
public struct YAMLDecoder {
    /// Values handed to `Decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    public init() {}

    /// Decodes a `T` from `node`. Throws `Diagnostic`.
    public func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        let context = DecodingContext(root: node, userInfo: userInfo.mapValues { $0 as Any })
        do {
            return try context.decodeValue(T.self, from: node, codingPath: [])
        } catch let error as DecodingError {
            throw context.diagnostic(for: error)
        }
    }
}

extension Decoder {
    /// The node being decoded, for custom `init(from:)`; nil for other decoders.
    public var yamlNode: Node? { (self as? NodeDecoder)?.node }
}

/// State shared by every decoder of one `decode` call.
final class DecodingContext {
    let root: Node
    let userInfo: [CodingUserInfoKey: Any]

    init(root: Node, userInfo: [CodingUserInfoKey: Any]) {
        self.root = root
        self.userInfo = userInfo
    }

    /// Decodes a value and then checks that its mappings held no unknown keys.
    func decodeValue<T: Decodable>(_ type: T.Type, from node: Node, codingPath: [any CodingKey]) throws -> T {
        if let scalarType = T.self as? any ScalarDecodable.Type {
            return try scalarType.decode(from: node, path: Diagnostic.keyPath(codingPath)) as! T
        }
        if T.self == Node.self { return node as! T }
        let decoder = NodeDecoder(node: node, codingPath: codingPath, context: self)
        let value = try T(from: decoder)
        try decoder.checkUnknownKeys()
        return value
    }

    /// A `DecodingError` from user code as a diagnostic at the node its coding path names.
    func diagnostic(for error: DecodingError) -> Diagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            return Diagnostic(at: node(at: context.codingPath).mark,
                              path: Diagnostic.keyPath(context.codingPath + [key]),
                              message: "missing required key '\(key.stringValue)'")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return Diagnostic(at: node(at: context.codingPath).mark,
                              path: Diagnostic.keyPath(context.codingPath),
                              message: context.debugDescription)
        @unknown default:
            return Diagnostic(at: root.mark, message: "\(error)")
        }
    }

    /// The deepest node reachable along `codingPath` from the root.
    func node(at codingPath: [any CodingKey]) -> Node {
        var node = root
        for key in codingPath {
            switch node.value {
            case .mapping:
                guard let next = node[key.stringValue] else { return node }
                node = next
            case .sequence(let items):
                guard let index = key.intValue, items.indices.contains(index) else { return node }
                node = items[index]
            case .scalar:
                return node
            }
        }
        return node
    }
}

/// The keys of one mapping that a type asked for, to find the ones it did not.
final class KeyTracker {
    let node: Node
    let path: String
    private(set) var asked: [String] = []
    private var askedSet: Set<String> = []
    var caseNames: [String] = []
    var askedAll = false

    init(node: Node, path: String) {
        self.node = node
        self.path = path
    }

    /// Whether the type asked for `key` or names it among its coding keys.
    func isKnown(_ key: String) -> Bool { askedSet.contains(key) || caseNames.contains(key) }

    func ask(_ key: String) {
        if askedSet.insert(key).inserted { asked.append(key) }
    }

    /// Throws at the first key nobody asked for.
    func check() throws(Diagnostic) {
        guard !askedAll, let pairs = node.mapping else { return }
        for pair in pairs where !askedSet.contains(pair.key) {
            var candidates: [String] = []
            for name in asked + caseNames where !candidates.contains(name) { candidates.append(name) }
            var message = "unknown key '\(pair.key)'"
            if let guess = suggestion(for: pair.key, among: candidates) {
                message += "; did you mean '\(guess)'?"
            } else if !candidates.isEmpty {
                message += "; expected one of \(candidates.joined(separator: ", "))"
            }
            throw Diagnostic(at: pair.keyMark, path: Diagnostic.join(path, pair.key), message: message)
        }
    }
}

/// The names of a `CaseIterable` coding-key type.
func caseNames<K: CodingKey & CaseIterable>(_ type: K.Type) -> [String] {
    K.allCases.map(\.stringValue)
}

/// A decoder positioned at one node.
final class NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let context: DecodingContext
    private var tracker: KeyTracker?
    /// Decoders of nested containers and super decoders, checked when this one finishes.
    private var children: [NodeDecoder] = []

    var userInfo: [CodingUserInfoKey: Any] { context.userInfo }
    var path: String { Diagnostic.keyPath(codingPath) }

    init(node: Node, codingPath: [any CodingKey], context: DecodingContext) {
        self.node = node
        self.codingPath = codingPath
        self.context = context
    }

    func error(_ message: String) -> Diagnostic {
        Diagnostic(at: node.mark, path: path, message: message)
    }

    /// A decoder for a nested node whose unknown keys are checked with this one's.
    func child(_ node: Node, key: any CodingKey) -> NodeDecoder {
        let decoder = NodeDecoder(node: node, codingPath: codingPath + [key], context: context)
        children.append(decoder)
        return decoder
    }

    func checkUnknownKeys() throws {
        try tracker?.check()
        for child in children { try child.checkUnknownKeys() }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let pairs = node.mapping else { throw error("expected a mapping, found \(node.kindDescription)") }
        let tracker = self.tracker ?? KeyTracker(node: node, path: path)
        self.tracker = tracker
        if let iterable = Key.self as? any (CodingKey & CaseIterable).Type {
            for name in caseNames(iterable) where !tracker.caseNames.contains(name) { tracker.caseNames.append(name) }
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, tracker: tracker, pairs: pairs))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = node.sequence else { throw error("expected a sequence, found \(node.kindDescription)") }
        return UnkeyedContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoder: self)
    }
}
