import Subprocess

/// How a child process ended: it exited with a status, or a signal killed it.
public enum ChildTermination: Sendable, Equatable, CustomStringConvertible {
    /// `exit(code)`, or a return from `main`.
    case exited(Int32)
    /// Killed by signal `number` (`SIGKILL` is 9).
    case signalled(Int32)

    init(_ status: TerminationStatus) {
        switch status {
        case .exited(let code): self = .exited(code)
        case .signaled(let signal): self = .signalled(signal)
        }
    }

    /// One number, as a shell's `$?` gives it: the exit status, or 128 + the signal number.
    public var status: Int32 {
        switch self {
        case .exited(let code): code
        case .signalled(let signal): 128 + signal
        }
    }

    /// `exit 3` or `signal 9`.
    public var description: String {
        switch self {
        case .exited(let code): "exit \(code)"
        case .signalled(let signal): "signal \(signal)"
        }
    }
}
