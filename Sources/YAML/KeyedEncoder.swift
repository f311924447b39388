/// The keyed container writing into a mapping box.
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
