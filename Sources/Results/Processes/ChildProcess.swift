import Foundation

/// An external command (`git`, `gnuplot`, `sbatch`) run to completion as a child process.
///
/// The child starts with standard input from `/dev/null`, the runner's environment, every
/// signal at its default disposition and none blocked, and `workingDirectory` when one is
/// given. Both output streams are read concurrently to the end: the first `outputLimit` bytes
/// of each are kept and the rest is read and dropped, so a command printing a lot never blocks
/// on a full pipe and never fills memory.
///
/// Started with `posix_spawn` and waited for with `poll` and `waitpid` on the calling thread
/// (`SpawnedChild`): no thread, Dispatch queue or Swift task is needed, so the call works the
/// same from the main thread, a sweep worker or a thread of Swift's cooperative pool, and
/// under limits that leave no room for another thread, or for the four descriptors of its two
/// pipes, it either runs the child or throws at once (docs/architecture.md, "Child processes").
package struct ChildProcess: Sendable {
    /// Bytes kept of each output stream unless the caller asks otherwise: 4 MiB.
    package static let defaultOutputLimit = 4 << 20

    /// The executable file to run.
    package var executable: URL
    package var arguments: [String]
    /// The child's current folder; nil keeps the runner's.
    package var workingDirectory: URL?
    /// Bytes kept of standard output, and separately of standard error.
    package var outputLimit: Int

    package init(
        executable: URL, arguments: [String] = [], workingDirectory: URL? = nil,
        outputLimit: Int = ChildProcess.defaultOutputLimit
    ) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.outputLimit = max(0, outputLimit)
    }

    /// The command `name` found on `PATH` (`ExecutableSearch`), or nil when it is not there.
    package static func onPath(
        _ name: String, arguments: [String] = [], workingDirectory: URL? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ChildProcess? {
        ExecutableSearch.onPath(name, environment: environment).map {
            ChildProcess(executable: $0, arguments: arguments, workingDirectory: workingDirectory)
        }
    }

    /// Starts the child, waits for it to end and returns how it ended and what it printed.
    ///
    /// An exit status other than 0, or death by a signal, is an outcome, not an error.
    /// Throws `ChildProcessError` when the child cannot be started (no such executable, a
    /// working directory that does not exist, no descriptors left for its pipes, no memory)
    /// or its output cannot be read. Blocks the calling thread, whichever it is.
    ///
    /// With `stopRequested`, checked about ten times a second while the child runs, a child
    /// still running when it returns true is killed (`SIGKILL`) and `run` throws
    /// `ChildProcessError`: a stop request is never held up by a child that hangs.
    package func run(stoppingWhen stopRequested: (@Sendable () -> Bool)? = nil) throws -> ChildProcessOutcome {
        try SpawnedChild.start(self).finish(keeping: outputLimit, stoppingWhen: stopRequested)
    }
}
