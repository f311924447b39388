/// A primitive decoded straight from a scalar node with strict core-schema typing.
protocol ScalarDecodable: Decodable {
    /// Decodes from `node`, or throws a diagnostic naming what was expected and what was found.
    static func decode(from node: Node, path: @autoclosure () -> String) throws(Diagnostic) -> Self
}

extension ScalarDecodable {
    static func mismatch(_ expected: String, _ node: Node, _ path: String) -> Diagnostic {
        Diagnostic(at: node.mark, path: path, message: "expected \(expected), found \(node.kindDescription)")
    }
}

extension String: ScalarDecodable {
    static func decode(from node: Node, path: @autoclosure () -> String) throws(Diagnostic) -> String {
        guard case .string(let s)? = node.resolved else { throw mismatch("a string", node, path()) }
        return s
    }
}

extension Bool: ScalarDecodable {
    static func decode(from node: Node, path: @autoclosure () -> String) throws(Diagnostic) -> Bool {
        guard case .bool(let b)? = node.resolved else { throw mismatch("a boolean (true or false)", node, path()) }
        return b
    }
}

extension Double: ScalarDecodable {
    static func decode(from node: Node, path: @autoclosure () -> String) throws(Diagnostic) -> Double {
        switch node.resolved {
        case .int(let i)?: return Double(i)
        case .float(let d)?: return d
        default: throw mismatch("a number", node, path())
        }
    }
}

extension Float: ScalarDecodable {
    static func decode(from node: Node, path: @autoclosure () -> String) throws(Diagnostic) -> Float {
        let d = try Double.decode(from: node, path: path())
        let f = Float(d)
        if d.isFinite && !f.isFinite {
            throw Diagnostic(at: node.mark, path: path(), message: "the number \(d) is out of range for a 32-bit float")
        }
        return f
    }
}

extension ScalarDecodable where Self: FixedWidthInteger {
    static func decode(from node: Node, path: @autoclosure () -> String) throws(Diagnostic) -> Self {
        guard case .int(let i)? = node.resolved else { throw mismatch("an integer", node, path()) }
        guard let value = Self(exactly: i) else {
            throw Diagnostic(at: node.mark, path: path(), message:
                "the integer \(i) is out of range (\(Self.min)...\(Self.max))")
        }
        return value
    }
}

extension Int: ScalarDecodable {}
extension Int8: ScalarDecodable {}
extension Int16: ScalarDecodable {}
extension Int32: ScalarDecodable {}
extension Int64: ScalarDecodable {}
extension UInt: ScalarDecodable {}
extension UInt8: ScalarDecodable {}
extension UInt16: ScalarDecodable {}
extension UInt32: ScalarDecodable {}
extension UInt64: ScalarDecodable {}
