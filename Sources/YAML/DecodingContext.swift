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
        // Numeric lists (a Tabular MDP's matrices) skip the generic container machinery.
        if T.self == [Double].self, case .sequence(let items) = node.value {
            var values: [Double] = []
            values.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                values.append(try Double.decode(from: item, path: Diagnostic.keyPath(codingPath + [IndexKey(i)])))
            }
            return values as! T
        }
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
