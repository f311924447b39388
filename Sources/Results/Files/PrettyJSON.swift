import Foundation

/// The JSON text of the results folder's files: pretty-printed, keys sorted, slashes
/// unescaped, and a final newline, so equal values give equal bytes.
package enum PrettyJSON {
    /// `value` as pretty JSON; `{}` should encoding fail (it cannot for plain values).
    package static func text<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
