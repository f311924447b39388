import ArgumentParser

/// The documented exit codes of `runner`.
public enum ExitStatus {
    /// A job failed or a regression was found.
    public static let failure = ExitCode(1)
    /// The experiment file is invalid.
    public static let invalidConfig = ExitCode(2)
    /// The command line is malformed (ArgumentParser's own usage errors use it too).
    public static let usage = ExitCode(64)
    /// Interrupted by SIGINT or SIGTERM.
    public static let interrupted = ExitCode(130)
}
