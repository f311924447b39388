import Foundation
import TestSupport
import Testing

/// Under an address-space limit of 120 MB or a limit of ten open files, the children the
/// runner starts (git, gnuplot) may not start: `--version`, `run` and `report --render png`
/// still end by themselves, with 0 or with 1 and a message, never by a signal or a hang.
@Suite struct ChildProcessLimitBinaryTests {
    /// `ulimit` options: about 120 MB of address space; 8, 10 or 17 descriptors (the three
    /// standard ones and a few more: each count failed in a different place once).
    static let tightLimits = ["-v 120000", "-n 8", "-n 10", "-n 17"]
    static let fewDescriptors = tightLimits.filter { $0.hasPrefix("-n") }

    /// A hang-catcher for a loaded machine, not a speed requirement: each command here takes
    /// well under a second when it works.
    static let watchdog: TimeInterval = 120

    /// Two one-update bandit jobs, named `tiny`.
    static var tinySweep: String {
        ExperimentFixture.text("one-update", replacing: [("experiment: one-update", "experiment: tiny")])
    }

    /// A stand-in for gnuplot that writes the eight bytes of a PNG signature to the file the
    /// renderer names in its `-e` argument (`outfile = '...'`).
    static let fakeGnuplot = """
        #!/bin/sh
        out=$(printf '%s' "$2" | sed -n "s/.*outfile = '\\([^']*\\)'.*/\\1/p")
        printf '\\211PNG\\r\\n\\032\\n' > "$out"

        """

    /// Exit 0, or 1 with something said on standard error; no signal, no watchdog.
    static func expectCleanEnd(_ outcome: BinaryRunner.Outcome, _ what: String) {
        #expect(!outcome.crashed, "\(what) ended by a signal or the watchdog: \(outcome.stderr.suffix(2000))")
        #expect(outcome.status == 0 || (outcome.status == 1 && !outcome.stderr.isEmpty),
                "\(what): exit \(outcome.status): \(outcome.stderr.suffix(2000))")
        // What it says names the file and the reason, in the runner's words.
        FileErrorBinaryTests.expectNoOpaqueError(outcome.stderr)
    }

    /// A folder holding a git repository with one commit, where the runner's `git rev-parse`
    /// has something to find.
    static func repository() throws -> TemporaryFolder {
        let dir = TemporaryFolder()
        let git = "git init -q -b main && git -c user.name=t -c user.email=t@t commit -q --allow-empty -m m"
        #expect(try ChildProcessBinaryTests.shell(git, in: dir.url) == 0)
        return dir
    }

    /// `--version` prints the version and the kernels, with or without the commit.
    @Test(arguments: tightLimits)
    func versionEndsCleanly(_ limit: String) throws {
        let outcome = try BinaryRunner.run(["--version"], timeout: Self.watchdog, limits: [limit])
        Self.expectCleanEnd(outcome, "--version under ulimit \(limit)")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("runner 0.1.0"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("\ndense kernels: "), "\(outcome.stdout)")
    }

    /// `run --jobs 2` in a git repository: git for the manifest, two worker threads, the report.
    @Test(arguments: tightLimits)
    func aRunEndsCleanly(_ limit: String) throws {
        let dir = try Self.repository()
        let config = dir.write("tiny.yaml", Self.tinySweep)
        let results = dir.url.appendingPathComponent("r")
        let outcome = try BinaryRunner.run(
            ["run", config, "--jobs", "2", "--results", results.path, "--no-progress"], in: dir.url,
            timeout: Self.watchdog, limits: [limit])
        Self.expectCleanEnd(outcome, "run under ulimit \(limit)")
        if outcome.status == 0 {
            #expect(FileManager.default.fileExists(atPath: results.appendingPathComponent("tiny/manifest.json").path))
        }
    }

    /// `report --render png` with gnuplot on `PATH`: without the limit the plots are drawn (so
    /// the renderer really starts gnuplot); with few descriptors the report is still written.
    @Test(arguments: fewDescriptors)
    func aReportWithFewDescriptorsEndsCleanly(_ limit: String) throws {
        let dir = try Self.repository()
        let config = dir.write("tiny.yaml", Self.tinySweep)
        let tools = dir.url.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        let gnuplot = tools.appendingPathComponent("gnuplot")
        try Self.fakeGnuplot.write(to: gnuplot, atomically: true, encoding: .utf8)
        #expect(chmod(gnuplot.path, 0o755) == 0)
        let environment = ["PATH": tools.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        let results = dir.url.appendingPathComponent("r")
        let run = try BinaryRunner.run(
            ["run", config, "--results", results.path, "--no-progress"], in: dir.url, timeout: Self.watchdog)
        #expect(run.status == 0, "\(run.stderr)")
        let experiment = results.appendingPathComponent("tiny")
        let plot = experiment.appendingPathComponent("plots/learning_curves.png")

        let unlimited = try BinaryRunner.run(
            ["report", experiment.path, "--render", "png"], in: dir.url, timeout: Self.watchdog, environment: environment)
        #expect(unlimited.status == 0, "\(unlimited.stderr)")
        #expect(FileManager.default.fileExists(atPath: plot.path), "\(unlimited.stderr)")

        try FileManager.default.removeItem(at: experiment.appendingPathComponent("report.md"))
        let limited = try BinaryRunner.run(
            ["report", experiment.path, "--render", "png"], in: dir.url, timeout: Self.watchdog, limits: [limit],
            environment: environment)
        Self.expectCleanEnd(limited, "report --render png under ulimit \(limit)")
        #expect(FileManager.default.fileExists(atPath: experiment.appendingPathComponent("report.md").path),
                "\(limited.stderr)")
    }

    /// Where git cannot start at all (five descriptors: the three standard ones leave room for
    /// one pipe, not two), `--version` says so and prints the version without the commit.
    @Test func versionSaysWhyItHasNoCommit() throws {
        let outcome = try BinaryRunner.run(["--version"], timeout: Self.watchdog, limits: ["-n 5"])
        Self.expectCleanEnd(outcome, "--version under ulimit -n 5")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("runner 0.1.0\ndense kernels: "), "\(outcome.stdout)")
        #expect(outcome.stderr.hasPrefix("warning: the version is printed without its commit: cannot run "),
                "\(outcome.stderr)")
    }

    /// A git that never answers does not hold up SIGINT: the runner ends it, writes the
    /// manifest without a commit and exits 130.
    @Test func aSignalEndsTheWaitForAGitThatHangs() throws {
        let dir = TemporaryFolder()
        let config = dir.write("tiny.yaml", Self.tinySweep)
        let tools = dir.url.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        let started = dir.url.appendingPathComponent("git-started")
        let git = tools.appendingPathComponent("git")
        // It records its pid, so that a runner that fails the test leaves no sleep behind.
        try "#!/bin/sh\necho $$ > '\(started.path)'\nexec sleep 600\n".write(to: git, atomically: true, encoding: .utf8)
        #expect(chmod(git.path, 0o755) == 0)
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = ["run", config, "--results", dir.url.appendingPathComponent("r").path, "--no-progress"]
        process.environment = ProcessInfo.processInfo.environment.merging(["PATH": tools.path + ":/usr/bin:/bin"]) { $1 }
        process.currentDirectoryURL = dir.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(Self.watchdog)
        while process.isRunning && !FileManager.default.fileExists(atPath: started.path) && Date() < deadline {
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGINT)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("runner did not end within \(Self.watchdog) s of SIGINT while git ran")
        }
        process.waitUntilExit()
        if let pid = try? String(contentsOf: started, encoding: .utf8), let number = Int32(pid.trimmingCharacters(in: .whitespacesAndNewlines)) {
            kill(number, SIGKILL)
        }
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.url.appendingPathComponent("r/tiny/manifest.json")))
                as? [String: Any])
        #expect(manifest["git_commit"] is NSNull)
    }

    /// From 80 MB to 92 MB of address space, where the runner starts at all (`--version`
    /// answers), `run` ends by itself: with too little room for the threads of its timers and
    /// signal handlers it says so and exits 1 instead of waiting for them. (For a debug build
    /// that is the range where libdispatch could not start its first thread.)
    @Test func aRunEndsCleanlyAcrossTightAddressSpaceLimits() throws {
        let dir = try Self.repository()
        let config = dir.write("tiny.yaml", Self.tinySweep)
        for kilobytes in stride(from: 80000, through: 92000, by: 2000) {
            let limit = "-v \(kilobytes)"
            let version = try BinaryRunner.run(["--version"], timeout: Self.watchdog, limits: [limit])
            // Below some size the loader or the Swift runtime fails before the runner's code runs.
            guard version.status == 0 else { continue }
            let results = dir.url.appendingPathComponent("r\(kilobytes)")
            let outcome = try BinaryRunner.run(
                ["run", config, "--jobs", "2", "--results", results.path, "--no-progress"], in: dir.url,
                timeout: Self.watchdog, limits: [limit])
            Self.expectCleanEnd(outcome, "run under ulimit \(limit)")
        }
    }
}
