/// How a child process ended and what it printed (see `ChildProcess`).
package struct ChildProcessOutcome: Sendable, Equatable {
    package var termination: ChildTermination
    /// The first `outputLimit` bytes of standard output, as UTF-8.
    package var stdout: String
    /// The first `outputLimit` bytes of standard error, as UTF-8.
    package var stderr: String
    /// Whether standard output was longer than what `stdout` holds.
    package var stdoutTruncated: Bool
    /// Whether standard error was longer than what `stderr` holds.
    package var stderrTruncated: Bool

    package init(
        termination: ChildTermination, stdout: String, stderr: String,
        stdoutTruncated: Bool = false, stderrTruncated: Bool = false
    ) {
        self.termination = termination
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutTruncated = stdoutTruncated
        self.stderrTruncated = stderrTruncated
    }

    /// The status as a shell reports it (`ChildTermination.status`): 0 only for success.
    package var status: Int32 { termination.status }

    /// Whether the child exited with status 0.
    package var succeeded: Bool { termination == .exited(0) }
}
