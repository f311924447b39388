/// Quoting for POSIX shell scripts.
package enum ShellQuote {
    /// `text` as one shell word: unchanged when it holds only characters no shell treats
    /// specially, else inside single quotes, each `'` written as `'\''` (close, escaped quote,
    /// reopen), so spaces, quotes, `$`, backquotes and newlines all reach the program as typed.
    package static func word(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./=:,+@%".unicodeScalars.contains($0))
        }
        if plain { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The words quoted one by one and joined by spaces.
    package static func line(_ words: [String]) -> String {
        words.map(word).joined(separator: " ")
    }
}
