import Foundation

/// The few Python expressions rl-zoo3's files hold in strings (`policy_kwargs: "dict(net_arch=[64]*2,
/// log_std_init=-2)"`), read without evaluating Python: keyword arguments of a call, decimal
/// numbers and lists of whole numbers.
enum PythonExpression {
    /// The text of keyword argument `name` in `call`, trimmed: from after `name=` to the comma
    /// or closing bracket that ends it at its own nesting depth; nil when `name=` is absent.
    static func keywordArgument(_ name: String, in call: String) -> String? {
        let pattern = "(?<![A-Za-z0-9_])" + NSRegularExpression.escapedPattern(for: name) + #"\s*=(?!=)\s*"#
        guard let start = call.range(of: pattern, options: .regularExpression)?.upperBound else { return nil }
        var depth = 0
        var end = call.endIndex
        scan: for index in call[start...].indices {
            switch call[index] {
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                if depth == 0 { end = index; break scan }
                depth -= 1
            case "," where depth == 0: end = index; break scan
            default: break
            }
        }
        return call[start..<end].trimmingCharacters(in: .whitespaces)
    }

    /// The arguments of `text` when it is exactly one call of `function`: `dict(pi=[64])` gives
    /// `pi=[64]`; nil for anything else.
    static func arguments(ofCall function: String, in text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(function + "("), trimmed.hasSuffix(")") else { return nil }
        let inside = trimmed.dropFirst(function.count + 1).dropLast()
        // `dict(a)(b)` ends with `)` too; the call's own parenthesis must be the last one.
        var depth = 0
        for character in inside {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth < 0 { return nil }
        }
        return depth == 0 ? String(inside) : nil
    }

    /// A decimal number as Python's `float` reads it from a literal (`-2`, `0.5`, `1e-3`): no
    /// hexadecimal, `inf` or `nan`. An overflowing one (`1e400`) is infinite.
    static func decimal(_ text: String) -> Double? {
        let pattern = #"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$"#
        guard text.range(of: pattern, options: .regularExpression) != nil else { return nil }
        return Double(text)
    }

    /// The whole numbers of a list expression: list literals of integers, repeated by `* k` or
    /// `k *` and joined by `+`, as Python evaluates them (`[64, 32] * 2` is `[64, 32, 64, 32]`);
    /// nil for any other text, or when the list would hold more than `maxCount` numbers (found
    /// before the list is built, so `[64] * 99999999999` costs nothing).
    static func integerList(_ text: String, maxCount: Int) -> [Int]? {
        var result: [Int] = []
        for term in text.split(separator: "+", omittingEmptySubsequences: false) {
            var literal: [Int]?
            var repeats = 1
            for factor in term.split(separator: "*", omittingEmptySubsequences: false) {
                let factor = factor.trimmingCharacters(in: .whitespaces)
                if factor.hasPrefix("[") {
                    guard literal == nil, let values = integers(inListLiteral: factor) else { return nil }
                    literal = values
                } else {
                    // Python repeats a list a negative number of times as zero; no zoo file does.
                    guard let k = Int(factor), k >= 0 else { return nil }
                    let (product, overflow) = repeats.multipliedReportingOverflow(by: k)
                    guard !overflow else { return nil }
                    repeats = product
                }
            }
            guard let literal else { return nil }
            let (count, overflow) = literal.count.multipliedReportingOverflow(by: repeats)
            guard !overflow, count <= maxCount - result.count else { return nil }
            for _ in 0..<repeats { result += literal }
        }
        return result
    }

    /// `[64, 64]` (a trailing comma allowed, as in Python) as its numbers; nil otherwise.
    private static func integers(inListLiteral text: String) -> [Int]? {
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 else { return nil }
        var items = text.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if items.count > 1, items.last == "" { items.removeLast() }
        if items == [""] { return [] }
        var values: [Int] = []
        for item in items {
            guard let value = Int(item) else { return nil }
            values.append(value)
        }
        return values
    }
}
