import ArgumentParser

/// The documented exit codes of `runner` (also listed in `runner --help`).
///
/// A command whose own output could not be written (ENOSPC, EIO, a closed descriptor) ends
/// with 1 instead of 0, after finishing its work; a reader that closes the pipe early
/// (EPIPE) is not an error. A failure status already chosen is kept.
package enum ExitStatus {
    /// A job failed or diverged, a regression was found, `check` had nothing to check, the
    /// results folder cannot be written, other runners still hold its jobs or its report, or the
    /// command's output was lost.
    package static let failure = ExitCode(1)
    /// The experiment file is invalid.
    package static let invalidConfig = ExitCode(2)
    /// The command line is malformed (ArgumentParser's own usage errors use it too), or
    /// `report`, `status`, `evaluate` or `plan --power` names a folder that is not a results
    /// folder (`NotAResultsFolder`).
    package static let usage = ExitCode(64)
    /// Interrupted by SIGINT, SIGTERM or SIGUSR1.
    package static let interrupted = ExitCode(130)
}
