import Foundation
import TestSupport
import Testing

/// A console that cannot be written (a full disk, a closed pipe) never kills `runner`: the
/// command finishes its work and exits 1, or 0 when the reader merely closed the pipe.
@Suite struct UnwritableConsoleBinaryTests {
    /// How the test wires standard output and standard error.
    enum Sink { case full, file, closedPipe }

    struct Outcome {
        var status: Int32
        var crashed: Bool
        /// What reached a `.file` stream.
        var stdout: String
        var stderr: String
    }

    /// Runs `runner` with each stream sent to /dev/full (every write fails with ENOSPC), to a
    /// file, or to a pipe whose reading end is closed (EPIPE). The timeout only catches a hang.
    static func run(_ arguments: [String], stdout: Sink, stderr: Sink, in directory: URL = BinaryRunner.repositoryRoot) throws -> Outcome {
        let scratch = TemporaryFolder()
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        var files: [URL] = []
        var pipes: [Pipe] = []
        func handle(_ sink: Sink, _ name: String) throws -> Any {
            switch sink {
            case .full:
                return try #require(FileHandle(forWritingAtPath: "/dev/full"))
            case .file:
                let url = scratch.url.appendingPathComponent(name)
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                files.append(url)
                return try FileHandle(forWritingTo: url)
            case .closedPipe:
                let pipe = Pipe()
                try pipe.fileHandleForReading.close()
                pipes.append(pipe)
                return pipe
            }
        }
        process.standardOutput = try handle(stdout, "stdout")
        process.standardError = try handle(stderr, "stderr")
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            Issue.record("runner \(arguments) did not finish within 300 s")
        }
        process.waitUntilExit()
        func text(_ name: String) -> String {
            (try? String(contentsOf: scratch.url.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
        return Outcome(
            status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
            stdout: text("stdout"), stderr: text("stderr"))
    }

    @Test func planToAFullDiskExits1AndSaysWhy() throws {
        let outcome = try Self.run(["plan", "experiments/ci.yaml"], stdout: .full, stderr: .file)
        #expect(!outcome.crashed)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("error: cannot write standard output: No space left on device"))
    }

    @Test func validateWithStandardErrorOnAFullDiskKeepsItsStatus() throws {
        let dir = TemporaryFolder()
        let bad = dir.write("bad.yaml", "experiment: bad\nfoo: 1\n")
        let outcome = try Self.run(["validate", bad], stdout: .file, stderr: .full)
        #expect(!outcome.crashed)
        // The config is invalid whether or not the message could be printed.
        #expect(outcome.status == 2)
        let good = try Self.run(["validate", "experiments/ci.yaml"], stdout: .full, stderr: .full)
        #expect(!good.crashed && good.status == 1)
    }

    @Test func envListAndHelpToAFullDiskExit1() throws {
        for arguments in [["env", "list"], ["--help"], ["--version"], ["env", "show", "CartPole-v1"]] {
            let outcome = try Self.run(arguments, stdout: .full, stderr: .file)
            #expect(!outcome.crashed, "\(arguments)")
            #expect(outcome.status == 1, "\(arguments)")
        }
    }

    /// A sweep whose console is lost still runs every job and writes its results and report;
    /// only the exit status tells.
    @Test func aRunWithNoConsoleFinishesAndExits1() throws {
        let dir = TemporaryFolder()
        let config = dir.write("tiny.yaml", ExperimentFixture.text("tiny"))
        let results = dir.url.appendingPathComponent("results")
        let outcome = try Self.run(
            [config, "--results", results.path, "--no-progress", "--jobs", "2"], stdout: .full, stderr: .full)
        #expect(!outcome.crashed)
        #expect(outcome.status == 1)
        let folder = results.appendingPathComponent("tiny")
        let jobs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("jobs").path)
        #expect(jobs.count == 2)
        for job in jobs {
            let result = try String(contentsOf: folder.appendingPathComponent("jobs/\(job)/result.json"), encoding: .utf8)
            #expect(result.contains("\"completed\""))
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.csv").path))
        // The same sweep with a working console: every job is reused and the exit status is 0.
        let again = try BinaryRunner.run([config, "--results", results.path, "--no-progress"], timeout: 300)
        #expect(again.status == 0)
    }

    /// `runner plan x | head -1`: a reader that stops reading is not an error.
    @Test func aClosedPipeEndsQuietly() throws {
        let outcome = try Self.run(["plan", "experiments/ci.yaml"], stdout: .closedPipe, stderr: .file)
        #expect(!outcome.crashed)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
    }

    /// SIGPIPE is handled, not ignored, so the programs `runner` starts get the default
    /// disposition back: the git that `--version` runs records its ignored-signal mask here.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
    func programsStartedByRunnerDoNotInheritAnIgnoredSIGPIPE() throws {
        let dir = TemporaryFolder()
        let mask = dir.url.appendingPathComponent("mask")
        let git = dir.write("git", "#!/bin/sh\ngrep SigIgn /proc/$$/status > '\(mask.path)'\nexit 1\n")
        #expect(chmod(git, 0o755) == 0)
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = ["--version"]
        process.environment = ["PATH": dir.url.path + ":/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let line = try String(contentsOf: mask, encoding: .utf8)
        let bits = try #require(UInt64(line.split(separator: "\t").last!.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16))
        #expect(bits & (1 << (UInt64(SIGPIPE) - 1)) == 0, "\(line)")
    }
}
