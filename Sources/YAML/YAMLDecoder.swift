/// Decodes `Decodable` values from a `Node` tree, strictly, with diagnostics at exact marks.
///
/// - Types are strict: an `Int` needs an integer, a `Double` an integer or float, a `String`
///   a string (a quoted `"0.5"` is not a number), a `Bool` `true`/`false`.
/// - A mapping key the decoded type never asked for is an error with a "did you mean" suggestion.
/// - `DecodingError`s thrown by custom `init(from:)` become `Diagnostic`s at the node they name.
public struct YAMLDecoder {
    /// Values handed to `Decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    public init() {}

    /// Decodes a `T` from `node`. Throws `Diagnostic`.
    public func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        let context = DecodingContext(root: node, userInfo: userInfo.mapValues { $0 as Any })
        do {
            return try context.decodeValue(T.self, from: node, codingPath: [])
        } catch let error as DecodingError {
            throw context.diagnostic(for: error)
        }
    }
}

extension Decoder {
    /// The node being decoded, for custom `init(from:)`; nil for other decoders.
    public var yamlNode: Node? { (self as? NodeDecoder)?.node }

    /// Reports the first key of this decoder's mapping (and its nested ones) that nothing
    /// asked for, as the end of decoding a type does: for a mapping read by a schema known
    /// only at run time, through a super decoder, checked where it is read.
    public func reportUnknownKeys() throws {
        try (self as? NodeDecoder)?.checkUnknownKeys()
    }

    /// A string that is one of `names`; another fails with "unknown value 'x'; expected one
    /// of a, b; did you mean 'a'?" at the node being decoded.
    public func decodeName(among names: [String]) throws -> String {
        let raw = try singleValueContainer().decode(String.self)
        guard !names.contains(raw) else { return raw }
        var message = "unknown value '\(raw)'; expected one of \(names.joined(separator: ", "))"
        if let guess = suggestion(for: raw, among: names) { message += "; did you mean '\(guess)'?" }
        if let node = yamlNode {
            throw Diagnostic(at: node.mark, path: Diagnostic.keyPath(codingPath), message: message)
        }
        throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: message))
    }
}
