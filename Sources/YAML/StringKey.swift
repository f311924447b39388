/// A coding key that is any mapping key's text; for mappings whose keys are data, not fields.
public struct StringKey: CodingKey, Sendable, Hashable {
    public let stringValue: String

    /// The key named `name`.
    public init(_ name: String) { stringValue = name }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }

    public var intValue: Int? { nil }
}
