import Foundation
import Testing

/// A file-system failure is reported with the path and the system's reason, exit 1, never a crash.
@Suite(.serialized) struct FileErrorBinaryTests {
    static let experiment = ResultsFolderLinkBinaryTests.experiment

    /// Neither of the opaque forms Foundation gives for a failed file operation.
    static func expectNoOpaqueError(_ text: String) {
        #expect(!text.contains("Code=512") && !text.contains("(null)") && !text.contains("NSCocoaErrorDomain"), "\(text)")
    }

    @Test func resultsThatIsAFileNamesItAndSaysNotADirectory() throws {
        let scratch = TemporaryDirectory()
        let config = scratch.write("linked.yaml", Self.experiment)
        let file = scratch.write("results-file", "not a folder\n")
        let outcome = try BinaryRunner.run(
            ["run", config, "--results", file, "--no-progress"], in: scratch.url, timeout: 300)
        #expect(outcome.status == 1 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("results-file") && outcome.stderr.contains("Not a directory"), "\(outcome.stderr)")
        Self.expectNoOpaqueError(outcome.stderr)
    }

    @Test func unreadableResultIsNamedNotTakenForMissing() throws {
        let scratch = TemporaryDirectory()
        let config = scratch.write("linked.yaml", Self.experiment)
        var outcome = try BinaryRunner.run(
            ["run", config, "--results", "results", "--no-progress"], in: scratch.url, timeout: 300)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let jobs = scratch.url.appendingPathComponent("results/linked/jobs")
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: jobs.path).first)
        let result = jobs.appendingPathComponent("\(id)/result.json")
        try FileManager.default.removeItem(at: result)
        try FileManager.default.createDirectory(at: result, withIntermediateDirectories: false)
        outcome = try BinaryRunner.run(["report", "results/linked"], in: scratch.url, timeout: 300)
        #expect(outcome.status == 1 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(id)/result.json") && outcome.stderr.contains("Is a directory"), "\(outcome.stderr)")
        Self.expectNoOpaqueError(outcome.stderr)
    }

    @Test func unwritableResultsFolderNamesItAndSaysPermissionDenied() throws {
        guard geteuid() != 0 else {
            print("skipped: running as root, where file permissions do not deny writes")
            return
        }
        let scratch = TemporaryDirectory()
        let config = scratch.write("linked.yaml", Self.experiment)
        let locked = scratch.url.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        let outcome = try BinaryRunner.run(
            ["run", config, "--results", locked.path, "--no-progress"], in: scratch.url, timeout: 300)
        #expect(outcome.status == 1 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("locked") && outcome.stderr.contains("Permission denied"), "\(outcome.stderr)")
        Self.expectNoOpaqueError(outcome.stderr)
    }

    @Test func fileSizeLimitIsAnErrorNamingTheFileNotAKill() throws {
        let scratch = TemporaryDirectory()
        let config = scratch.write("linked.yaml", Self.experiment)
        // `ulimit -f 1`: no file may grow past 512 bytes; the runner's writes must fail with
        // EFBIG, named, rather than the process dying of SIGXFSZ.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "ulimit -f 1 && exec \"$0\" run \"$1\" --results results --no-progress --jobs 1",
            BinaryRunner.executable.path, config,
        ]
        process.currentDirectoryURL = scratch.url
        let errors = scratch.url.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        let handle = try FileHandle(forWritingTo: errors)
        defer { try? handle.close() }
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stderr = try String(contentsOf: errors, encoding: .utf8)
        #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus)")
        #expect(process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("File too large"), "\(stderr)")
        #expect(stderr.contains(scratch.url.appendingPathComponent("results").path), "\(stderr)")
        Self.expectNoOpaqueError(stderr)
    }
}
