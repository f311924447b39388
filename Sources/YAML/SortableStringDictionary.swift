/// A `[String: Encodable]` dictionary, which the encoder writes with its keys sorted.
protocol SortableStringDictionary {
    /// The entries in ascending key order.
    func sortedEntries() -> [(String, any Encodable)]
}

extension Dictionary: SortableStringDictionary where Key == String, Value: Encodable {
    func sortedEntries() -> [(String, any Encodable)] {
        sorted { $0.key < $1.key }.map { ($0.key, $0.value as any Encodable) }
    }
}

