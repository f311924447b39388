/// Plain-text tables with aligned columns, for terminal summaries.
package enum AlignedText {
    /// `rows` (the first is the header) padded to common column widths, two spaces apart;
    /// columns listed in `rightAligned` are padded on the left. Widths count characters.
    package static func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, field) in row.enumerated() { widths[i] = max(widths[i], field.count) }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (i, field) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - field.count)
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + field : field + pad
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
