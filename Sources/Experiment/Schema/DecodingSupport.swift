import YAML

extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is absent or null.
    func value<T: Decodable>(_ key: Key, default fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }

    /// Throws a range error located at `key` unless `condition` holds.
    func require(_ condition: Bool, _ key: Key, _ message: @autoclosure () -> String) throws {
        if !condition {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: message())
        }
    }

    /// Throws a range error located at `path` below `key` (sequence positions).
    func fail(at key: Key, _ indices: [Int], _ message: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(
            codingPath: codingPath + [key] + indices.map(IndexKey.init),
            debugDescription: message))
    }
}

