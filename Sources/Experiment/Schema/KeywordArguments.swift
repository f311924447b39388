import Foundation
import YAML

/// `environment.kwargs`: a mapping given to a backend's constructor (`gymnasium.make(id,
/// **kwargs)`), kept as written and as JSON text with sorted keys, which the backend reads and
/// which decides equality.
public struct KeywordArguments: Codable, Sendable, Equatable {
    /// The mapping as written.
    public let node: Node
    /// The same values as JSON: keys sorted, non-finite floats as Python writes them.
    public let json: String

    public init(from decoder: any Decoder) throws {
        node = try Node(from: decoder)
        guard node.mapping != nil else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "expected a mapping of keyword arguments, found \(node.kindDescription)"))
        }
        json = Self.json(node)
    }

    public func encode(to encoder: any Encoder) throws {
        try node.encode(to: encoder)
    }

    public static func == (a: KeywordArguments, b: KeywordArguments) -> Bool { a.json == b.json }

    /// The JSON text of `node`: a float always with a fraction or an exponent, so that Python
    /// reads it back as a float.
    static func json(_ node: Node) -> String {
        switch node.value {
        case .mapping(let pairs):
            return "{" + pairs.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + json($0.value) }
                .joined(separator: ",") + "}"
        case .sequence(let items):
            return "[" + items.map(json).joined(separator: ",") + "]"
        case .scalar:
            switch node.resolved ?? .null {
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .int(let i): return String(i)
            case .float(let d):
                if d.isNaN { return "NaN" }
                if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
                let text = "\(d)"
                return text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
            case .string(let s): return quoted(s)
            }
        }
    }

    private static func quoted(_ text: String) -> String {
        // Encoding a string cannot fail.
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}
