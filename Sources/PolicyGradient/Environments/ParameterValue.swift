/// The value of one environment parameter, of one of the kinds a parameter schema names.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    case real(Double)
    case integers([Int])
    case reals([Double])
    /// A matrix written as rows, e.g. `rewards` [S][A].
    case realRows([[Double]])
    /// Three nested lists, e.g. `transitions` [S][A][S].
    case realTables([[[Double]]])

    /// The kind of this value.
    public var kind: ParameterKind {
        switch self {
        case .integer: .integer
        case .real: .real
        case .integers: .integers
        case .reals: .reals
        case .realRows: .realRows
        case .realTables: .realTables
        }
    }

    /// The value as an experiment file writes it, e.g. `0.2` or `[1.0, 2.0]`.
    public var description: String {
        switch self {
        case .integer(let value): "\(value)"
        case .real(let value): "\(value)"
        case .integers(let values): "\(values)"
        case .reals(let values): "\(values)"
        case .realRows(let rows): "\(rows)"
        case .realTables(let tables): "\(tables)"
        }
    }
}

/// The shape and element type of an environment parameter.
public enum ParameterKind: String, Sendable, Equatable, CustomStringConvertible {
    case integer = "int"
    case real = "float"
    case integers = "list of int"
    case reals = "list of float"
    case realRows = "list of lists of float"
    case realTables = "list of lists of lists of float"

    public var description: String { rawValue }
}
