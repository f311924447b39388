/// A node under construction; collections are references so containers can fill them later.
final class EncodedBox {
    enum Content {
        case done(Node)
        case sequence([EncodedBox])
        case mapping([(key: String, value: EncodedBox)])
        /// Not written yet; an empty single-value encoding becomes null.
        case empty
    }

    var content: Content

    init(_ content: Content) { self.content = content }

    var node: Node {
        switch content {
        case .done(let node): return node
        case .empty: return .null
        case .sequence(let items): return .sequence(items.map(\.node))
        case .mapping(let pairs): return Node(.mapping(pairs.map { Node.Pair(key: $0.key, value: $0.value.node) }))
        }
    }

    func set(_ key: String, _ value: EncodedBox) {
        guard case .mapping(var pairs) = content else { return }
        content = .empty  // drop the enum's reference, so the append does not copy the array
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = value
        } else {
            pairs.append((key, value))
        }
        content = .mapping(pairs)
    }

    func append(_ value: EncodedBox) {
        guard case .sequence(var items) = content else { return }
        content = .empty  // drop the enum's reference, so the append does not copy the array
        items.append(value)
        content = .sequence(items)
    }
}
