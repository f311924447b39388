/// The coding key of a sequence element: `intValue` is the 0-based position.
///
/// `stringValue` is "Index N", the convention of Foundation's decoders, so paths built
/// with it read the same whichever decoder produced them; `Diagnostic.keyPath` prints it
/// as `[N]`. A mapping key is never an index, so `init?(stringValue:)` accepts nothing:
/// a keyed container keyed by `IndexKey` declares no keys at all.
public struct IndexKey: CodingKey, Sendable, Hashable {
    /// The 0-based position in the sequence.
    public let index: Int

    /// The key of the element at `index`.
    public init(_ index: Int) { self.index = index }
    public init?(intValue: Int) { self.init(intValue) }
    public init?(stringValue: String) { nil }

    public var intValue: Int? { index }
    public var stringValue: String { "Index \(index)" }
}
