/// YAML 1.2 core-schema resolution of scalars, and the canonical text of numbers.
///
/// Only plain, untagged scalars are resolved by pattern; quoted and block scalars are strings.
/// The patterns are the core schema's, exactly:
///
///     null   null | Null | NULL | ~ | (empty)
///     bool   true | True | TRUE | false | False | FALSE
///     int    [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
///     float  [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)
enum CoreSchema {
    /// Why a scalar has no value.
    struct Failure: Error { var message: String }

    /// The value of a scalar, honouring its explicit tag.
    static func resolve(_ scalar: Node.Scalar) throws(Failure) -> Node.Resolved {
        guard let tag = scalar.tag else {
            return scalar.style == .plain ? try resolvePlain(scalar.text) : .string(scalar.text)
        }
        let text = scalar.text
        switch tag {
        case "!!str", "!": return .string(text)
        case "!!null":
            if text.isEmpty || isNull(text) { return .null }
        case "!!bool":
            if let b = bool(text) { return .bool(b) }
        case "!!int":
            if let i = try int(text) { return .int(i) }
        case "!!float":
            if let d = float(text) { return .float(d) }
            if let i = try int(text) { return .float(Double(i)) }
        default:
            throw Failure(message: "unsupported tag '\(tag)'; supported: !!str, !!int, !!float, !!bool, !!null")
        }
        throw Failure(message: "'\(text)' is not a valid \(tag) value")
    }

    /// The value of a plain, untagged scalar.
    static func resolvePlain(_ text: String) throws(Failure) -> Node.Resolved {
        guard let first = text.utf8.first else { return .null }
        // Numbers start with a digit, a sign or a dot; only short words can be null or booleans.
        let numeric = isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".")
        if !numeric {
            guard text.utf8.count <= 5 else { return .string(text) }
            if isNull(text) { return .null }
            if let b = bool(text) { return .bool(b) }
            return .string(text)
        }
        if let i = try int(text) { return .int(i) }
        if let d = float(text) { return .float(d) }
        return .string(text)
    }

    static func isNull(_ text: String) -> Bool {
        text == "null" || text == "Null" || text == "NULL" || text == "~"
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// An integer, nil if `text` is not one; throws if it is one but does not fit in `Int`.
    static func int(_ text: String) throws(Failure) -> Int? {
        var text = text
        text.makeContiguousUTF8()
        let result = text.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(Failure) -> Int? in try int(bytes, text) }
        }!
        return try result.get()
    }

    private static func int(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) throws(Failure) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var radix = 10
        var digits = bytes[...]
        var negative = false
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") {
            radix = 8
            digits = bytes[2...]
            guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) else { return nil }
        } else if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "x") {
            radix = 16
            digits = bytes[2...]
            guard digits.allSatisfy(isHexDigit) else { return nil }
        } else {
            if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") {
                negative = digits.first == UInt8(ascii: "-")
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        }
        // Accumulate negatively so that Int.min fits.
        var value = 0
        for byte in digits {
            let digit = hexValue(byte)
            let (shifted, o1) = value.multipliedReportingOverflow(by: radix)
            let (next, o2) = shifted.subtractingReportingOverflow(digit)
            if o1 || o2 { throw Failure(message: "the integer \(text) does not fit in 64 bits") }
            value = next
        }
        if negative { return value }
        guard value != Int.min else { throw Failure(message: "the integer \(text) does not fit in 64 bits") }
        return -value
    }

    /// A float, nil if `text` does not match the core-schema float pattern.
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // Match the core-schema pattern on the bytes, then let Double(_:) read the text:
        // every text the pattern admits is one Double(_:) parses, and it rejects the
        // forms Double(_:) would otherwise take (`inf`, `nan`, hexadecimal).
        // A string without contiguous UTF-8 storage (bridged) is matched through its view.
        let matches = text.utf8.withContiguousStorageIfAvailable { isFloatPattern($0) }
            ?? isFloatPattern(text.utf8)
        guard matches else { return nil }
        // A trailing '.' or a leading '.' is fine for strtod-based parsing; normalize only those.
        if let value = Double(text) { return value }
        var normalized = text
        if normalized.hasSuffix(".") { normalized += "0" }
        if let dot = normalized.firstIndex(of: "."), dot == normalized.startIndex
            || !isDigit(normalized.utf8[normalized.utf8.index(before: dot)]) {
            normalized.insert("0", at: dot)
        }
        return Double(normalized)
    }

    /// Whether `bytes` match the core-schema float pattern without its `.inf`/`.nan` forms:
    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`.
    static func isFloatPattern<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var i = bytes.startIndex
        let end = bytes.endIndex
        func skip(_ accept: (UInt8) -> Bool) -> Int {
            var count = 0
            while i < end, accept(bytes[i]) { bytes.formIndex(after: &i); count += 1 }
            return count
        }
        let isSign = { (b: UInt8) in b == UInt8(ascii: "-") || b == UInt8(ascii: "+") }
        if i < end, isSign(bytes[i]) { bytes.formIndex(after: &i) }
        var mantissaDigits = skip(isDigit)
        if i < end, bytes[i] == UInt8(ascii: ".") {
            bytes.formIndex(after: &i)
            mantissaDigits += skip(isDigit)
        }
        guard mantissaDigits > 0 else { return false }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            bytes.formIndex(after: &i)
            if i < end, isSign(bytes[i]) { bytes.formIndex(after: &i) }
            guard skip(isDigit) > 0 else { return false }
        }
        return i == end
    }

    /// The shortest text that reads back as `value` and still resolves to a float.
    static func format(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        // Swift's description is the shortest round-trip form and always has '.' or 'e'.
        return value.description
    }

    /// The shortest text of a Float that reads back as the same Float.
    static func format(_ value: Float) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        return value.description
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    private static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
    }
    private static func hexValue(_ b: UInt8) -> Int {
        if isDigit(b) { return Int(b - UInt8(ascii: "0")) }
        if b >= UInt8(ascii: "a") { return Int(b - UInt8(ascii: "a")) + 10 }
        return Int(b - UInt8(ascii: "A")) + 10
    }
}
