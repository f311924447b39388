/// Markdown building blocks shared by `report.md` and `regression.md`.
enum MarkdownText {
    /// A pipe table; `rightAligned` columns are numbers.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let rule = header.indices.map { rightAligned.contains($0) ? "---:" : "---" }
        return ([header, rule] + rows).map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
            .joined(separator: "\n") + "\n"
    }

    /// Text safe inside a table cell: pipes escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Text as inline code (the longest run of backticks inside is fenced by a longer one).
    static func code(_ text: String) -> String {
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// A number for prose and tables (`ReportSummary.format`: 4 significant digits).
    static func number(_ x: Double) -> String { ReportSummary.format(x) }

    /// A difference with its sign: `+376.6`, `-12.00`, `0.000`.
    static func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + number(x) }

    /// `[low, high]` with `digits` decimals when given, else 4 significant digits.
    static func interval(_ ci: ConfidenceInterval, decimals: Int? = nil) -> String {
        guard !ci.low.isNaN else { return "-" }
        let f: (Double) -> String = decimals.map { d in { String(format: "%.\(d)f", $0) } } ?? number
        return "[\(f(ci.low)), \(f(ci.high))]"
    }
}
