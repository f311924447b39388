/// A String-backed enum that decodes with "did you mean" suggestions.
///
/// Conform with `enum Optimizer: String, YAMLEnum { case sgd, adam, rmsprop }`; an unknown value
/// fails with `unknown value 'rmsprp'; expected one of sgd, adam, rmsprop; did you mean 'rmsprop'?`.
public protocol YAMLEnum: CaseIterable, RawRepresentable, Codable, Sendable where RawValue == String {}

extension YAMLEnum {
    /// The raw values of all cases, in declaration order.
    public static var rawValues: [String] { allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        // decodeName returns one of the raw values, so the case exists.
        self = Self(rawValue: try decoder.decodeName(among: Self.rawValues))!
    }
}
