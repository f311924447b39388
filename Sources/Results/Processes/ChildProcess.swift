import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// An external command (`git`, `gnuplot`, `sbatch`) run to completion as a child process.
///
/// The child starts with standard input from `/dev/null`, the runner's environment, and
/// `workingDirectory` when one is given. Both output streams are read concurrently to the end:
/// the first `outputLimit` bytes of each are kept and the rest is read and dropped, so a
/// command printing a lot never blocks on a full pipe and never fills memory.
/// Built on swift-subprocess, which is async; the synchronous `run()` bridges to it once
/// (`ChildProcessBridge` says from which threads that is safe).
public struct ChildProcess: Sendable {
    /// Bytes kept of each output stream unless the caller asks otherwise: 4 MiB.
    public static let defaultOutputLimit = 4 << 20

    /// The executable file to run.
    public var executable: URL
    public var arguments: [String]
    /// The child's current folder; nil keeps the runner's.
    public var workingDirectory: URL?
    /// Bytes kept of standard output, and separately of standard error.
    public var outputLimit: Int

    public init(
        executable: URL, arguments: [String] = [], workingDirectory: URL? = nil,
        outputLimit: Int = ChildProcess.defaultOutputLimit
    ) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.outputLimit = max(0, outputLimit)
    }

    /// The command `name` found on `PATH` (`ExecutableSearch`), or nil when it is not there.
    public static func onPath(
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
    /// working directory that does not exist) or its output cannot be read. Blocks the calling
    /// thread; see `ChildProcessBridge` for why that is safe from any thread.
    public func run() throws -> ChildProcessOutcome {
        if ChildProcessBridge.onCooperativePool { return try PoolThreadChildProcess.run(self) }
        let command = self
        return try ChildProcessBridge.wait { try await command.run() }
    }

    /// The same as the synchronous `run()`, for async code.
    public func run() async throws -> ChildProcessOutcome {
        do {
            return try await runAsync()
        } catch let error as SubprocessError {
            throw ChildProcessError(executable: executable.path, reason: error.description)
        }
    }

    private func runAsync() async throws -> ChildProcessOutcome {
        let limit = outputLimit
        let result = try await Subprocess.run(
            .path(FilePath(executable.path)),
            arguments: Arguments(arguments),
            workingDirectory: workingDirectory.map { FilePath($0.path) },
            input: .none, output: .sequence, error: .sequence
        ) { execution in
            let standardOutput = execution.standardOutput, standardError = execution.standardError
            // Both streams at once: a child blocked writing one must not wait for us to finish the other.
            async let out = BoundedCapture.read(standardOutput, limit: limit)
            async let err = BoundedCapture.read(standardError, limit: limit)
            return try await (out, err)
        }
        let (out, err) = result.closureResult
        return ChildProcessOutcome(
            termination: ChildTermination(result.terminationStatus),
            stdout: out.text, stderr: err.text,
            stdoutTruncated: out.truncated, stderrTruncated: err.truncated)
    }
}
