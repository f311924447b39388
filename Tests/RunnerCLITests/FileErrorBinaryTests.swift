import Foundation
import TestSupport
import Testing

/// A file-system failure is reported with the path and the system's reason, exit 1, never a crash.
@Suite(.serialized) struct FileErrorBinaryTests {
    static let experiment = ResultsFolderLinkBinaryTests.experiment

    /// Neither of the opaque forms Foundation gives for a failed file operation.
    static func expectNoOpaqueError(_ text: String) {
        #expect(!text.contains("Code=512") && !text.contains("(null)") && !text.contains("NSCocoaErrorDomain"), "\(text)")
    }

    @Test func resultsThatIsAFileNamesItAndSaysNotADirectory() throws {
        let scratch = TemporaryFolder()
        let config = scratch.write("linked.yaml", Self.experiment)
        let file = scratch.write("results-file", "not a folder\n")
        let outcome = try BinaryRunner.run(
            ["run", config, "--results", file, "--no-progress"], in: scratch.url, timeout: 300)
        #expect(outcome.status == 1 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("results-file") && outcome.stderr.contains("Not a directory"), "\(outcome.stderr)")
        Self.expectNoOpaqueError(outcome.stderr)
    }

    /// A folder in place of `result.json` marks the job damaged, named with the reason; the
    /// report goes on with the other jobs, and the next run redoes the job.
    @Test func unreadableResultIsNamedNotTakenForMissing() throws {
        let scratch = TemporaryFolder()
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
        #expect(outcome.status == 0 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: job \(id) is damaged") && outcome.stderr.contains("\(id)/result.json")
                    && outcome.stderr.contains("it is a folder, not a regular file"), "\(outcome.stderr)")
        // The folder does not block the job for good: the next run redoes it.
        outcome = try BinaryRunner.run(
            ["run", config, "--results", "results", "--no-progress"], in: scratch.url, timeout: 300)
        #expect(outcome.status == 0 && outcome.stderr.contains("it is run again"), "\(outcome.stderr)")
        var info = stat()
        #expect(lstat(result.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
        Self.expectNoOpaqueError(outcome.stderr)
    }

    @Test func unwritableResultsFolderNamesItAndSaysPermissionDenied() throws {
        guard geteuid() != 0 else {
            print("skipped: running as root, where file permissions do not deny writes")
            return
        }
        let scratch = TemporaryFolder()
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
        let scratch = TemporaryFolder()
        let config = scratch.write("linked.yaml", Self.experiment)
        // `ulimit -f 1`: no file may grow past 512 bytes; the runner's writes must fail with
        // EFBIG, named, rather than the process dying of SIGXFSZ.
        let outcome = try BinaryRunner.run(
            ["run", config, "--results", "results", "--no-progress", "--jobs", "1"], in: scratch.url, limits: ["-f 1"])
        #expect(!outcome.crashed, "killed by signal \(outcome.status)")
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("File too large"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(scratch.url.appendingPathComponent("results").path), "\(outcome.stderr)")
        Self.expectNoOpaqueError(outcome.stderr)
    }
}
