/// A `Node` field in a Codable type receives the node as written (YAML decoder) or is written
/// as its own tree (YAML encoder); other coders see plain values, sequences and mappings.
extension Node: Codable {
    public init(from decoder: any Decoder) throws {
        if let node = decoder.yamlNode {
            self = node
            return
        }
        if let keyed = try? decoder.container(keyedBy: StringKey.self) {
            self = .mapping(try keyed.allKeys.map { Pair(key: $0.stringValue, value: try keyed.decode(Node.self, forKey: $0)) })
        } else if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [Node] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(Node.self)) }
            self = .sequence(items)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .null }
            else if let b = try? single.decode(Bool.self) { self = .bool(b) }
            else if let i = try? single.decode(Int.self) { self = .int(i) }
            else if let d = try? single.decode(Double.self) { self = .double(d) }
            else { self = .string(try single.decode(String.self)) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch value {
        case .sequence(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .mapping(let pairs):
            var container = encoder.container(keyedBy: StringKey.self)
            for pair in pairs { try container.encode(pair.value, forKey: StringKey(stringValue: pair.key)) }
        case .scalar:
            var container = encoder.singleValueContainer()
            switch resolved ?? .null {
            case .null: try container.encodeNil()
            case .bool(let b): try container.encode(b)
            case .int(let i): try container.encode(i)
            case .float(let d): try container.encode(d)
            case .string(let s): try container.encode(s)
            }
        }
    }
}
