/// Text made safe to print on a terminal.
///
/// Control characters in a value read from a file would be obeyed by the terminal (`\e[2J`
/// clears the screen, OSC sequences retitle the window or forge links), so every message that
/// may echo user input renders them visibly instead.
package enum TerminalText {
    /// `text` with every C0 control, DEL and C1 control written as `\u{1B}`, except the
    /// scalars in `keeping` (by default the line feed and the tab, which messages use as layout).
    package static func escaped(_ text: String, keeping: Set<Unicode.Scalar> = ["\n", "\t"]) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keeping: keeping) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keeping: keeping) {
                result.append(contentsOf: rendering(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `scalar` is a control character a terminal would act on.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// How many scalars `scalar` occupies once escaped: 1, or the length of `\u{1B}`.
    package static func escapedWidth(_ scalar: Unicode.Scalar, keeping: Set<Unicode.Scalar>) -> Int {
        needsEscape(scalar, keeping: keeping) ? rendering(scalar).unicodeScalars.count : 1
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, keeping: Set<Unicode.Scalar>) -> Bool {
        isControl(scalar) && !keeping.contains(scalar)
    }

    /// `\u{1B}`: the form Swift source uses, in uppercase hexadecimal.
    private static func rendering(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}
