import Foundation
import PolicyGradient
import TestSupport
import Testing

/// Usage errors through the binary: exit 64 and a message that names the mistake.
@Suite struct UsageErrorBinaryTests {
    @Test func aNegativeJobCountSaysItMustBeAtLeastOne() throws {
        for command in [["run", "experiments/ci.yaml"], ["check", "experiments/ci.yaml"]] {
            let outcome = try BinaryRunner.run(command + ["--jobs", "-1"])
            #expect(outcome.status == 64)
            #expect(outcome.stderr.contains("--jobs must be at least 1"), "\(outcome.stderr)")
            #expect(!outcome.stderr.contains("Missing value"))
        }
    }

    /// An empty `--results` would write into the current folder.
    @Test func anEmptyResultsFolderIsAUsageError() throws {
        let dir = TemporaryFolder()
        let config = dir.write("tiny.yaml", ExperimentFixture.text("tiny"))
        for command in [["run", config], ["check", config]] {
            let outcome = try BinaryRunner.run(command + ["--results", ""], in: dir.url)
            #expect(outcome.status == 64, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("--results must name a folder"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["tiny.yaml"])
    }

    @Test func reportOnAFolderThatIsNotAResultsFolderIsAUsageError() throws {
        let dir = TemporaryFolder()
        let outcome = try BinaryRunner.run(["report", dir.url.path])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("not a results folder"))
        #expect(try BinaryRunner.run(["report", ""]).status == 64)
    }

    /// `runner 0.1.0 (commit <hash>)` with the commit of the checkout the binary was built in
    /// (this repository), as git itself reports it; without git, the version alone. Then the
    /// dense kernels' version: AVX2 where the machine has it.
    @Test func versionPrintsTheVersionAndCommit() throws {
        let outcome = try BinaryRunner.run(["--version"])
        #expect(outcome.status == 0)
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", BinaryRunner.repositoryRoot.path, "rev-parse", "HEAD"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        try git.run()
        let head = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        git.waitUntilExit()
        let kernels = "dense kernels: \(KernelVersionBinaryTests.fastest)\n"
        let expected = (git.terminationStatus == 0 ? "runner 0.1.0 (commit \(head))\n" : "runner 0.1.0\n") + kernels
        #expect(outcome.stdout == expected)
    }
}
