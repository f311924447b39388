/// Encodes `Encodable` values into a `Node` tree (marks are `.generated`; keys in encoding order,
/// except `[String: V]` dictionaries, whose keys are sorted so the output is deterministic).
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
