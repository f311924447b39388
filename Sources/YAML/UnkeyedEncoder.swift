/// The unkeyed container appending to a sequence box.
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
