/// The single-value container of a node.
struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.node.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.context.decodeValue(type, from: decoder.node, codingPath: codingPath)
    }
    func decode(_ type: Bool.Type) throws -> Bool { try Bool.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: String.Type) throws -> String { try String.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: Double.Type) throws -> Double { try Double.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: Float.Type) throws -> Float { try Float.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: Int.Type) throws -> Int { try Int.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Int8.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Int16.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Int32.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Int64.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: UInt.Type) throws -> UInt { try UInt.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try UInt8.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try UInt16.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try UInt32.decode(from: decoder.node, path: decoder.path) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try UInt64.decode(from: decoder.node, path: decoder.path) }
}
