import Foundation

/// One RFC 4180 CSV line: fields joined by commas, a field holding a comma, a quote or a
/// line break quoted with inner quotes doubled, and a final `\n`.
enum CSVLine {
    static func text(_ fields: [String]) -> String {
        var out = ""
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) {
                out += "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                out += field
            }
        }
        return out + "\n"
    }
}
