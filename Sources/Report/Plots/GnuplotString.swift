/// Text made safe to place in a gnuplot script.
///
/// Every string that comes from data (cell labels, experiment names, baselines) enters a
/// script only through `literal(_:)`, as a *single-quoted* gnuplot string. Inside single
/// quotes gnuplot expands nothing: no backslash escapes, no backtick command substitution,
/// no `@` macros; the only special character is the quote itself, written twice (`''`).
/// Control characters (including line and paragraph separators) are replaced by spaces so a
/// label cannot end the line and start a command. What remains — `system("…")`, `;`,
/// backticks, `"`, `\` — is inert text. Scripts also set `noenhanced`, so `_`, `^` and braces
/// print literally instead of as enhanced-text markup.
package enum GnuplotString {
    /// `text` as a single-quoted gnuplot string literal.
    package static func literal(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator:
                out.unicodeScalars.append(" ")
            default:
                if scalar == "'" { out += "''" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "'"
    }
}
