/// The encoder writing into one box.
final class NodeEncoder: Encoder {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]
    let box = EncodedBox(.empty)

    init(codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) {
        self.codingPath = codingPath
        self.userInfo = userInfo
    }

    /// The box of one value: primitives directly, others through `encode(to:)`.
    static func box<T: Encodable>(_ value: T, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) throws -> EncodedBox {
        if let node = primitive(value) { return EncodedBox(.done(node)) }
        if let numbers = value as? [Double] {
            return EncodedBox(.done(.sequence(numbers.map { Node.double($0) })))
        }
        if let dictionary = value as? any SortableStringDictionary {
            // Dictionary order changes from run to run; sorted keys keep the output deterministic.
            var pairs: [(key: String, value: EncodedBox)] = []
            for (key, element) in dictionary.sortedEntries() {
                pairs.append((key, try box(element, codingPath: codingPath + [StringKey(key)], userInfo: userInfo)))
            }
            return EncodedBox(.mapping(pairs))
        }
        let encoder = NodeEncoder(codingPath: codingPath, userInfo: userInfo)
        try value.encode(to: encoder)
        return encoder.box
    }

    static func primitive(_ value: Any) -> Node? {
        switch value {
        case let node as Node: return node
        case let s as String: return .string(s)
        case let b as Bool: return .bool(b)
        case let d as Double: return .double(d)
        case let f as Float: return Node(.scalar(Node.Scalar(text: CoreSchema.format(f))))
        case let i as Int: return .int(i)
        case let i as Int8: return .int(Int(i))
        case let i as Int16: return .int(Int(i))
        case let i as Int32: return .int(Int(i))
        case let i as Int64: return .int(Int(i))
        case let i as UInt8: return .int(Int(i))
        case let i as UInt16: return .int(Int(i))
        case let i as UInt32: return .int(Int(i))
        case let i as UInt: return Node(.scalar(Node.Scalar(text: String(i))))
        case let i as UInt64: return Node(.scalar(Node.Scalar(text: String(i))))
        default: return nil
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .mapping = box.content {} else { box.content = .mapping([]) }
        return KeyedEncodingContainer(KeyedEncoder<Key>(encoder: self, box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .sequence = box.content {} else { box.content = .sequence([]) }
        return UnkeyedEncoder(encoder: self, box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueEncoder(encoder: self)
    }
}
