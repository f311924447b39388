import Foundation

/// Runs a `ChildProcess` with Foundation's `Process`, for callers on a thread of Swift's
/// cooperative pool (see `ChildProcessBridge`), where waiting on swift-subprocess could starve
/// the pool it needs.
///
/// Same contract as the swift-subprocess path: standard input from `/dev/null`, the outputs
/// go to files (so the child never blocks on a full pipe) of which the first `outputLimit`
/// bytes are kept, the same outcome and errors.
enum PoolThreadChildProcess {
    static func run(_ command: ChildProcess) throws -> ChildProcessOutcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("runner-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        let process = Process()
        process.executableURL = command.executable
        process.arguments = command.arguments
        process.currentDirectoryURL = command.workingDirectory
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ChildProcessError(executable: command.executable.path, reason: "\(error)")
        }
        process.waitUntilExit()
        let (stdout, stdoutTruncated) = try head(of: outURL, limit: command.outputLimit, executable: command.executable)
        let (stderr, stderrTruncated) = try head(of: errURL, limit: command.outputLimit, executable: command.executable)
        let termination: ChildTermination = process.terminationReason == .uncaughtSignal
            ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
        return ChildProcessOutcome(
            termination: termination, stdout: stdout, stderr: stderr,
            stdoutTruncated: stdoutTruncated, stderrTruncated: stderrTruncated)
    }

    /// The first `limit` bytes of `file` as UTF-8, and whether there was more.
    private static func head(of file: URL, limit: Int, executable: URL) throws -> (String, Bool) {
        do {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return (String(decoding: data.prefix(limit), as: UTF8.self), data.count > limit)
        } catch {
            throw ChildProcessError(executable: executable.path, reason: "cannot read its output: \(error)")
        }
    }
}
