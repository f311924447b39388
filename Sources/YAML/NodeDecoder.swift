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
