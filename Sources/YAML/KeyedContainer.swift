/// The keyed container over a mapping; records every key asked for.
struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let tracker: KeyTracker
    let pairs: [Node.Pair]

    var codingPath: [any CodingKey] { decoder.codingPath }

    /// The mapping's keys that `Key` accepts; only those count as asked, so keys the type
    /// cannot name are still reported as unknown.
    var allKeys: [Key] {
        pairs.compactMap { pair in
            guard let key = Key(stringValue: pair.key) else { return nil }
            tracker.ask(pair.key)
            return key
        }
    }

    private func node(_ key: Key) -> Node? {
        tracker.ask(key.stringValue)
        return pairs.last(where: { $0.key == key.stringValue })?.value
    }

    private func required(_ key: Key) throws -> Node {
        guard let node = node(key) else {
            // A key the type cannot name is the usual cause of a missing one (a misspelling, or
            // another tool's name for it): point at that key first, the closest to the missing
            // one if any. Keys the type declares (its CodingKeys accept them) are not typos.
            let strangers = pairs.filter { !tracker.isKnown($0.key) && Key(stringValue: $0.key) == nil }
            if let pair = strangers.first(where: { suggestion(for: $0.key, among: [key.stringValue]) != nil }) {
                throw unknown(pair, message: "unknown key '\(pair.key)'; did you mean '\(key.stringValue)'?")
            }
            if let pair = strangers.first {
                throw unknown(pair, message: "unknown key '\(pair.key)' (and '\(key.stringValue)' is missing)")
            }
            throw Diagnostic(at: decoder.node.mark, path: Diagnostic.join(decoder.path, key.stringValue),
                             message: "missing required key '\(key.stringValue)'")
        }
        return node
    }

    private func unknown(_ pair: Node.Pair, message: String) -> Diagnostic {
        var diagnostic = Diagnostic(at: pair.keyMark, path: Diagnostic.join(decoder.path, pair.key), message: message)
        diagnostic.unknownKey = pair.key
        return diagnostic
    }

    func contains(_ key: Key) -> Bool { node(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try required(key).isNull }

    private func decodeValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.context.decodeValue(type, from: required(key), codingPath: codingPath + [key])
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decodeValue(type, forKey: key) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeValue(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeValue(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeValue(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeValue(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeValue(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeValue(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeValue(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeValue(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeValue(type, forKey: key) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = node(key), !node.isNull else { return nil }
        return try decoder.context.decodeValue(type, from: node, codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(required(key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(required(key), key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        tracker.ask("super")
        let node = pairs.last(where: { $0.key == "super" })?.value ?? .null
        return decoder.child(node, key: SuperKey())
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.child(try required(key), key: key)
    }
}
