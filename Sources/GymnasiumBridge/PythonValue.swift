import Foundation

/// A value given to Python as JSON: the keyword arguments of `gymnasium.make` and the commands.
package enum PythonValue: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([PythonValue])
    case dictionary([String: PythonValue])

    /// The JSON text Python's `json.loads` reads back to the same value (keys sorted; the
    /// non-finite doubles as Python writes them, `Infinity`, `-Infinity`, `NaN`).
    package var json: String {
        switch self {
        case .none: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value):
            value.isNaN ? "NaN" : value.isInfinite ? (value > 0 ? "Infinity" : "-Infinity") : "\(value)"
        case .string(let text): Self.quoted(text)
        case .list(let values): "[" + values.map(\.json).joined(separator: ",") + "]"
        case .dictionary(let entries):
            "{" + entries.keys.sorted().map { Self.quoted($0) + ":" + entries[$0]!.json }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal (Foundation's escaping, which Python reads back).
    private static func quoted(_ text: String) -> String {
        // Encoding a string cannot fail.
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}
