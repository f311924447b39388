import YAML

/// The canonical text of a configuration tree: JSON with sorted keys and normalized numbers.
///
/// Integers print in decimal; floats in Swift's shortest round-trip form (`0.0007`, `1e-05`,
/// `100000.0`), which is the same on every machine. Same tree, same text; its hash is the job id.
public enum CanonicalForm {
    /// The canonical JSON text of `node`.
    public static func text(_ node: Node) -> String {
        var out = ""
        write(node, to: &out)
        return out
    }

    /// A scalar's value as it appears in a cell label: strings bare, numbers normalized;
    /// collections as canonical JSON.
    public static func label(_ node: Node) -> String {
        switch node.resolved {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .float(let d)?: return number(d)
        case .bool(let b)?: return b ? "true" : "false"
        case .null?: return "null"
        case nil: return text(node)
        }
    }

    /// Whether two values are the same setting (1 and 1.0 are).
    public static func equal(_ a: Node, _ b: Node) -> Bool {
        if let x = numeric(a), let y = numeric(b) { return x == y }
        return text(a) == text(b)
    }

    private static func numeric(_ node: Node) -> Double? {
        switch node.resolved {
        case .int(let i)?: return Double(i)
        case .float(let d)?: return d
        default: return nil
        }
    }

    static func number(_ d: Double) -> String {
        d.isNaN ? "nan" : d.isInfinite ? (d < 0 ? "-inf" : "inf") : d.description
    }

    private static func write(_ node: Node, to out: inout String) {
        switch node.value {
        case .scalar:
            switch node.resolved {
            case .string(let s)?: quote(s, to: &out)
            case .int(let i)?: out += String(i)
            case .float(let d)?:
                if d.isFinite { out += number(d) } else { quote(number(d), to: &out) }
            case .bool(let b)?: out += b ? "true" : "false"
            case .null?, nil: out += "null"
            }
        case .sequence(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .mapping(let pairs):
            out += mapping(pairs.map { ($0.key, text($0.value)) })
        }
    }

    /// The canonical text of a mapping whose values' canonical texts are known: keys sorted
    /// by Unicode scalar values, independent of locale.
    static func mapping(_ entries: [(key: String, text: String)]) -> String {
        var out = "{"
        for (i, entry) in entries.sorted(by: { precedes($0.key, $1.key) }).enumerated() {
            if i > 0 { out += "," }
            quote(entry.key, to: &out)
            out += ":" + entry.text
        }
        return out + "}"
    }

    private static func precedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// A JSON string literal.
    static func quote(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
