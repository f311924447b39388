/// Writes a node tree as block-style YAML text that parses back to an equal tree.
///
/// Scalars are written from their resolved value: strings plain when that is unambiguous,
/// otherwise double-quoted with escapes; numbers in canonical form (floats in shortest
/// round-trip form, always with `.`, `e`, or `.inf`/`.nan`, so they stay floats).
public enum YAMLEmitter {
    /// The YAML text of `node`, ending with a newline.
    public static func emit(_ node: Node) -> String {
        lines(node).joined(separator: "\n") + "\n"
    }

    /// The lines of a node, starting at column 0.
    private static func lines(_ node: Node) -> [String] {
        switch node.value {
        case .scalar:
            return [scalarText(node)]
        case .sequence(let items):
            if items.isEmpty { return ["[]"] }
            var result: [String] = []
            for item in items {
                if isInline(item) {
                    result.append("- " + inlineText(item))
                } else {
                    let child = lines(item)
                    result.append("- " + child[0])
                    result += child.dropFirst().map { "  " + $0 }
                }
            }
            return result
        case .mapping(let pairs):
            if pairs.isEmpty { return ["{}"] }
            var result: [String] = []
            for pair in pairs {
                let key = keyText(pair.key)
                // libyaml takes `key:` as a key only when the `:` comes within 1024 characters
                // of its start; a longer key is written as an explicit `? key`, read at any length.
                let explicit = key.utf8.count > 1000
                if isInline(pair.value) {
                    result += explicit ? ["? " + key, ": " + inlineText(pair.value)] : [key + ": " + inlineText(pair.value)]
                } else {
                    result += explicit ? ["? " + key, ":"] : [key + ":"]
                    result += lines(pair.value).map { "  " + $0 }
                }
            }
            return result
        }
    }

    /// Scalars and empty collections go on the same line as their key or dash.
    private static func isInline(_ node: Node) -> Bool {
        switch node.value {
        case .scalar: return true
        case .sequence(let items): return items.isEmpty
        case .mapping(let pairs): return pairs.isEmpty
        }
    }

    private static func inlineText(_ node: Node) -> String {
        switch node.value {
        case .scalar: return scalarText(node)
        case .sequence: return "[]"
        case .mapping: return "{}"
        }
    }

    private static func scalarText(_ node: Node) -> String {
        switch node.resolved ?? .null {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return CoreSchema.format(d)
        case .string(let s): return stringText(s)
        }
    }

    private static func keyText(_ key: String) -> String {
        // A plain `<<` would be a merge key.
        key == "<<" ? "\"<<\"" : stringText(key)
    }

    /// A string, plain if it reads back as the same string, double-quoted otherwise.
    static func stringText(_ s: String) -> String {
        isPlainSafe(s) ? s : "\"" + escape(s) + "\""
    }

    /// Words other YAML readers take as booleans; quoted so the file means the same everywhere.
    private static let yaml11Words: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    private static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        guard case .string? = try? CoreSchema.resolvePlain(s) else { return false }
        if yaml11Words.contains(s) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first == " " || last == " " || last == ":" { return false }
        if s.hasPrefix("...") || s.hasPrefix("---") { return false }
        if s.contains(": ") || s.contains(" #") { return false }
        for c in s.unicodeScalars {
            // Line breaks and the byte-order mark are printable but would not read back plain.
            if !isPrintable(c) || c == "\t" || c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}"
                || c == "\u{2029}" || c == "\u{FEFF}" {
                return false
            }
        }
        return true
    }

    /// Whether YAML 1.2 lets `c` stand in a file as itself (its printable set, c-printable):
    /// tab, line feed, carriage return, U+0020…U+007E, U+0085, U+00A0…U+D7FF, U+E000…U+FFFD
    /// and U+10000…U+10FFFF. Readers reject anything else, so it is written as an escape.
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `text` as it may stand in a `#` comment: the comment ends at the first line break
    /// (libyaml also breaks lines at U+0085, U+2028 and U+2029) and a reader rejects the file
    /// at a character outside the printable set, so both are written as the escapes of a
    /// double-quoted scalar (`\n`, `\L`, `\x1B`), and the backslash as `\\` so that the text
    /// reads back unambiguously. Whatever the text, the comment stays one comment.
    public static func commentText(_ text: String) -> String {
        escape(text, quote: false)
    }

    /// The body of a double-quoted scalar for `s` (also used to show strings in messages);
    /// `quote: false` leaves the double quote as itself, for text that is not inside quotes.
    static func escape(_ s: String, quote: Bool = true) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"" where quote: out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if isPrintable(c) {
                    out.unicodeScalars.append(c)
                } else {
                    // \xHH, \uHHHH or \UHHHHHHHH: the shortest escape that holds the code point.
                    let (prefix, digits) = c.value <= 0xFF ? ("\\x", 2) : c.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
                    let hex = String(c.value, radix: 16, uppercase: true)
                    out += prefix + String(repeating: "0", count: digits - hex.count) + hex
                }
            }
        }
        return out
    }
}
