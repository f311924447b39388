import Foundation
import Testing

/// Runs the built `runner` binary and captures what it prints.
struct BinaryRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var crashed: Bool
    }

    /// The `runner` built beside this test bundle.
    static let executable: URL = {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("runner")
    }()

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `runner` with `arguments` in `directory`, killing it after `timeout` seconds (a
    /// hang-catcher, never a speed requirement). `limits` are `ulimit` options (`"-v 2000000"`)
    /// applied by `/bin/sh` before it execs the runner; `environment` adds to (or replaces in)
    /// the test's own environment variables.
    static func run(
        _ arguments: [String], in directory: URL = repositoryRoot, timeout: TimeInterval = 300, limits: [String] = [],
        environment: [String: String] = [:]
    ) throws -> Outcome {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if limits.isEmpty {
            process.executableURL = executable
            process.arguments = arguments
        } else {
            let script = limits.map { "ulimit \($0) && " }.joined() + "exec \"$0\" \"$@\""
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, executable.path] + arguments
        }
        process.currentDirectoryURL = directory
        // Output goes to files, so a large output can never block the process.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("runner-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            // SIGKILL: a hung runner may not answer SIGTERM, and the test must end either way.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("runner \(arguments) did not finish within \(timeout) s")
            return Outcome(status: -1, stdout: "", stderr: "timeout", crashed: true)
        }
        process.waitUntilExit()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            crashed: process.terminationReason == .uncaughtSignal)
    }

    /// Polls `find` while `process` runs (five minutes at most), then kills the process with
    /// SIGKILL and waits for it to end; returns what `find` found, nil when nothing was.
    static func killWhenFound<T>(_ process: Process, _ find: () -> T?) -> T? {
        let deadline = Date().addingTimeInterval(300)
        var found: T?
        while process.isRunning && Date() < deadline && found == nil {
            found = find()
            if found == nil { usleep(2_000) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return found
    }
}
