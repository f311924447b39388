import Experiment
import Results
import ArgumentParser

/// The documented exit codes of `runner` (also listed in `runner --help`).
///
/// A command whose own output could not be written (ENOSPC, EIO, a closed descriptor) ends
/// with 1 instead of 0, after finishing its work; a reader that closes the pipe early
/// (EPIPE) is not an error. A failure status already chosen is kept.
package enum ExitStatus {
    /// A job failed or diverged, a regression was found, `check` had nothing to check, `env
    /// check` found a difference, the
    /// results folder cannot be written, other runners still hold its jobs or its report, or the
    /// command's output was lost.
    package static let failure = ExitCode(1)
    /// The experiment file is invalid.
    package static let invalidConfig = ExitCode(2)
    /// The command line is malformed (ArgumentParser's own usage errors use it too), or
    /// `report`, `status`, `evaluate` or `plan --power` names a folder that is not a results
    /// folder (`NotAResultsFolder`), or `run`, `check` or `submit` would write into a results
    /// folder that holds another experiment (`SweepError.otherExperiment`).
    package static let usage = ExitCode(64)
    /// `export` found a policy the target format cannot express (EX_DATAERR).
    package static let notExpressible = ExitCode(65)
    /// `submit` found no runner with the Swift runtime linked statically to stage for the
    /// cluster's nodes, and could not build one (EX_UNAVAILABLE).
    package static let noStaticRunner = ExitCode(69)
    /// `export` found no Python that imports Stable-Baselines3 and PyTorch (EX_UNAVAILABLE).
    package static let pythonUnavailable = ExitCode(69)
    /// Interrupted by SIGINT, SIGTERM or SIGUSR1.
    package static let interrupted = ExitCode(130)
}

extension ExitStatus {
    /// Runs `body`, which reads an experiment's results folder, printing the errors a user can
    /// act on and ending with their documented codes: a folder that is not a results folder is
    /// a usage error (its message followed by `hint`), an invalid saved experiment is
    /// `invalidConfig`, a file that cannot be read is `failure`. Other errors pass through.
    static func readingResultsFolder<T>(hint: String = "", _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as NotAResultsFolder {
            Console.error("error: \(error.description)\(hint)")
            throw ExitStatus.usage
        } catch let error as ConfigurationError {
            Console.error(error.description)
            throw ExitStatus.invalidConfig
        } catch let error as FileSystemError {
            Console.error("error: \(error.description)")
            throw ExitStatus.failure
        }
    }
}
