/// The values of an environment's `params`, by key.
///
/// A descriptor resolves them (`EnvironmentDescriptor.resolve`) before its factory runs, so a
/// factory finds every key of its schema present and of its kind.
public struct EnvironmentParameters: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public var values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue] = [:]) {
        self.values = values
    }

    public init(dictionaryLiteral elements: (String, ParameterValue)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public subscript(key: String) -> ParameterValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public func integer(_ key: String) throws -> Int {
        guard case .integer(let value)? = values[key] else { throw missing(key, .integer) }
        return value
    }

    public func real(_ key: String) throws -> Double {
        guard case .real(let value)? = values[key] else { throw missing(key, .real) }
        return value
    }

    public func integers(_ key: String) throws -> [Int] {
        guard case .integers(let value)? = values[key] else { throw missing(key, .integers) }
        return value
    }

    public func reals(_ key: String) throws -> [Double] {
        guard case .reals(let value)? = values[key] else { throw missing(key, .reals) }
        return value
    }

    public func realRows(_ key: String) throws -> [[Double]] {
        guard case .realRows(let value)? = values[key] else { throw missing(key, .realRows) }
        return value
    }

    public func realTables(_ key: String) throws -> [[[Double]]] {
        guard case .realTables(let value)? = values[key] else { throw missing(key, .realTables) }
        return value
    }

    private func missing(_ key: String, _ kind: ParameterKind) -> EnvironmentParameterError {
        let found = values[key].map { "a \($0.kind)" } ?? "nothing"
        return EnvironmentParameterError(key: key, message: "expected a \(kind), found \(found)")
    }
}
