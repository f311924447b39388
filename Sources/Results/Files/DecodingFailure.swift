import Foundation

/// A decoding error in words a user can act on: where in the file, and what was wrong.
///
/// Foundation's own text for a `DecodingError` is a dump of its coding path and context;
/// this reads `at files.curve.csv.bytes: expected a number` or `not valid JSON`.
package enum DecodingFailure {
    /// The reason `error` gives, without the file's path (the caller names the file).
    package static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "at \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "the key \(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "at \(path(context.codingPath)): expected \(name(of: type))"
        case .valueNotFound(let type, let context):
            return "at \(path(context.codingPath)): expected \(name(of: type)), found null"
        @unknown default:
            return "\(error)"
        }
    }

    /// `files.curve.csv.bytes`, array positions as `[3]`; `the top level` for an empty path.
    private static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "the top level" }
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == "\(index)" {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: "a number"
        case is Int.Type, is Int64.Type, is UInt64.Type: "an integer"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: String(describing: type).contains("Dictionary") ? "a mapping" : String(describing: type).contains("Array") ? "a list" : "\(type)"
        }
    }
}
