/// Encodes `Encodable` values into a `Node` tree (marks are `.generated`; keys in encoding order).
///
/// Strings that a plain scalar would read as something else (`"true"`, `"1e5"`) are marked
/// double-quoted, so `YAMLEmitter` and `resolved` keep them strings.
public struct YAMLEncoder {
    /// Values handed to `Encoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    public init() {}

    /// The node tree of `value`.
    public func encode<T: Encodable>(_ value: T) throws -> Node {
        let box = try NodeEncoder.box(value, codingPath: [], userInfo: userInfo.mapValues { $0 as Any })
        return box.node
    }
}

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
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = value
        } else {
            pairs.append((key, value))
        }
        content = .mapping(pairs)
    }

    func append(_ value: EncodedBox) {
        guard case .sequence(var items) = content else { return }
        items.append(value)
        content = .sequence(items)
    }
}

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

struct KeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: NodeEncoder
    let box: EncodedBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.set(key.stringValue, EncodedBox(.done(.null))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.set(key.stringValue, try NodeEncoder.box(value, codingPath: codingPath + [key], userInfo: encoder.userInfo))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        let child = EncodedBox(.mapping([]))
        box.set(key.stringValue, child)
        return KeyedEncodingContainer(KeyedEncoder<NestedKey>(encoder: encoder, box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = EncodedBox(.sequence([]))
        box.set(key.stringValue, child)
        return UnkeyedEncoder(encoder: encoder, box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super", key: SuperKey()) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue, key: key) }

    private func superEncoder(named name: String, key: any CodingKey) -> any Encoder {
        let child = NodeEncoder(codingPath: codingPath + [key], userInfo: encoder.userInfo)
        box.set(name, child.box)
        return child
    }
}

struct UnkeyedEncoder: UnkeyedEncodingContainer {
    let encoder: NodeEncoder
    let box: EncodedBox
    let codingPath: [any CodingKey]

    var count: Int {
        if case .sequence(let items) = box.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws { box.append(EncodedBox(.done(.null))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.append(try NodeEncoder.box(value, codingPath: codingPath + [IndexKey(count)], userInfo: encoder.userInfo))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodedBox(.mapping([]))
        let path = codingPath + [IndexKey(count)]
        box.append(child)
        return KeyedEncodingContainer(KeyedEncoder<NestedKey>(encoder: encoder, box: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = EncodedBox(.sequence([]))
        let path = codingPath + [IndexKey(count)]
        box.append(child)
        return UnkeyedEncoder(encoder: encoder, box: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let child = NodeEncoder(codingPath: codingPath + [IndexKey(count)], userInfo: encoder.userInfo)
        box.append(child.box)
        return child
    }
}

struct SingleValueEncoder: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.box.content = .done(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.box.content = try NodeEncoder.box(value, codingPath: codingPath, userInfo: encoder.userInfo).content
    }
}
