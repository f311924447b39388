/// How a child process ended: it exited with a status, or a signal killed it.
package enum ChildTermination: Sendable, Equatable, CustomStringConvertible {
    /// `exit(code)`, or a return from `main`.
    case exited(Int32)
    /// Killed by signal `number` (`SIGKILL` is 9).
    case signalled(Int32)

    /// Decodes a status from `waitpid` of a child that ended (not one that stopped).
    package init(waitStatus: Int32) {
        // WIFEXITED and WEXITSTATUS, which are macros Swift cannot call.
        let signal = waitStatus & 0x7f
        self = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
    }

    /// One number, as a shell's `$?` gives it: the exit status, or 128 + the signal number.
    package var status: Int32 {
        switch self {
        case .exited(let code): code
        case .signalled(let signal): 128 + signal
        }
    }

    /// `exit 3` or `signal 9`.
    package var description: String {
        switch self {
        case .exited(let code): "exit \(code)"
        case .signalled(let signal): "signal \(signal)"
        }
    }
}
