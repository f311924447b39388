import Foundation
import TestSupport
import Testing

/// The built runner starts git and gnuplot from its own threads (`ChildProcess`): the
/// manifest names the commit of the repository it runs in, and the plots are drawn.
struct ChildProcessBinaryTests {
    static let gnuplotOnPath = FileManager.default.isExecutableFile(atPath: "/usr/bin/gnuplot")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/gnuplot")

    /// `/bin/sh -c script` in `folder`; its exit status.
    static func shell(_ script: String, in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: (try? shell("command -v git", in: URL(fileURLWithPath: "/"))) == 0, "git is not on PATH"))
    func aRunRecordsTheCommitAndDrawsThePlots() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let git = "git init -q -b main && git -c user.name=t -c user.email=t@t commit -q --allow-empty -m m"
        #expect(try Self.shell(git, in: dir.url) == 0)
        // The hash as git stored it, read as a file.
        let head = try String(contentsOf: dir.url.appendingPathComponent(".git/refs/heads/main"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let binaryFolder = BinaryRunner.executable.deletingLastPathComponent().path
        #expect(try Self.shell("git -C '\(binaryFolder)' rev-parse HEAD > runner-commit", in: dir.url) == 0)
        let run = try BinaryRunner.run(["run", config, "--results", dir.url.path, "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.url.appendingPathComponent("e2e/manifest.json")))
                as? [String: Any])
        // The runner's own commit (of the checkout its binary was built in), not the commit of
        // the repository it was started from.
        let ownCommit = try String(contentsOf: dir.url.appendingPathComponent("runner-commit"), encoding: .utf8)
        #expect(head.count == 40 && manifest["git_commit"] as? String != head, "\(manifest)")
        #expect(manifest["git_commit"] as? String == ownCommit.trimmingCharacters(in: .whitespacesAndNewlines), "\(manifest)")
        guard Self.gnuplotOnPath else { return }
        for plot in ["learning_curves", "variance_vs_baseline", "final_returns"] {
            let image = try Data(contentsOf: dir.url.appendingPathComponent("e2e/plots/\(plot).png"))
            #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(plot).png is not a PNG")
        }
    }

    /// `report.md` links the images the report rendered, in their format, and nothing else.
    @Test(.enabled(if: gnuplotOnPath, "gnuplot is not installed"))
    func theReportLinksTheFormatItRendered() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        #expect(try BinaryRunner.run(["run", config, "--results", dir.url.path, "--no-progress"], in: dir.url).status == 0)
        let folder = dir.url.appendingPathComponent("e2e")
        let svg = try BinaryRunner.run(["report", folder.path, "--render", "svg"], in: dir.url)
        #expect(svg.status == 0, "\(svg.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(page.contains("![learning curves](plots/learning_curves.svg)") && !page.contains(".png)"), "\(page)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("plots/learning_curves.svg").path))
        // Without --render the images go (they may no longer match the data), and so do their links.
        let plain = try BinaryRunner.run(["report", folder.path], in: dir.url)
        #expect(plain.status == 0, "\(plain.stderr)")
        let unlinked = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(!unlinked.contains("![") && unlinked.contains("Not rendered"), "\(unlinked)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plots/learning_curves.svg").path))
    }

    /// `--render` with no gnuplot to run exits 1, saying so, after writing the tables.
    @Test func renderingWithoutGnuplotFails() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let empty = dir.url.appendingPathComponent("empty-path")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(try BinaryRunner.run(
            ["run", config, "--results", dir.url.path, "--no-progress"], in: dir.url, environment: ["PATH": empty.path]).status == 0)
        let outcome = try BinaryRunner.run(
            ["report", dir.url.appendingPathComponent("e2e").path, "--render", "png"], in: dir.url,
            environment: ["PATH": empty.path])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("error: --render needs gnuplot on PATH"), "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("e2e/summary.csv").path))
    }
}
