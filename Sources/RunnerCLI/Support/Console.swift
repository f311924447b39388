#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Sweep
import Terminal

/// Writes the command's messages to standard output and standard error.
///
/// Every message is escaped (`TerminalText`): it may quote a file's values. Writes never trap;
/// a failed one is remembered by `StandardStream` and turned into the exit status at the end
/// (`finalStatus`), so a command that could not print still finishes its work.
enum Console {
    static func out(_ text: String) {
        StandardStream.output.write(line(text))
    }

    static func error(_ text: String) {
        StandardStream.error.write(line(text))
    }

    /// The exit status of a command that would end with `status`, given what became of its
    /// output.
    ///
    /// A write that failed because the reader closed the pipe (EPIPE, as in `runner plan x |
    /// head -1`) is not an error: the reader took what it wanted. Any other failure (ENOSPC,
    /// EIO, a closed descriptor) turns success into 1; a failure status already chosen (2, 64,
    /// 130, ...) is kept, being the more specific. A lost standard output is said on standard
    /// error when that still works.
    static func finalStatus(_ status: Int32) -> Int32 {
        var lost = false
        if let code = StandardStream.output.failure, code != EPIPE {
            lost = true
            error("error: cannot write \(StandardStream.output.name): \(StandardStream.reason(code))")
        }
        if let code = StandardStream.error.failure, code != EPIPE { lost = true }
        return lost && status == 0 ? ExitStatus.failure.rawValue : status
    }

    /// `text`, escaped, ending with exactly the line break it had or one added.
    private static func line(_ text: String) -> String {
        let escaped = TerminalText.escaped(text)
        return escaped.hasSuffix("\n") ? escaped : escaped + "\n"
    }
}
