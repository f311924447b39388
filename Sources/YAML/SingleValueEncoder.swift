/// The single-value container replacing its encoder's box.
struct SingleValueEncoder: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.box.content = .done(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.box.content = try NodeEncoder.box(value, codingPath: codingPath, userInfo: encoder.userInfo).content
    }
}
