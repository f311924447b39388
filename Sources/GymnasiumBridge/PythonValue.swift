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

extension PythonValue: Decodable {
    /// Reads JSON text, e.g. an experiment's `environment.kwargs` as `ExternalEnvironment` keeps
    /// them: a number with a fraction or an exponent is a double, others an int.
    package init(jsonText: String) throws {
        self = try JSONDecoder().decode(PythonValue.self, from: Data(jsonText.utf8))
    }

    package init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var values: [PythonValue] = []
            while !list.isAtEnd { values.append(try list.decode(PythonValue.self)) }
            self = .list(values)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var entries: [String: PythonValue] = [:]
            for key in object.allKeys { entries[key.stringValue] = try object.decode(PythonValue.self, forKey: key) }
            self = .dictionary(entries)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .none
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int.self) {
            self = .int(value)
        } else if let value = try? single.decode(Double.self) {
            self = .double(value)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
