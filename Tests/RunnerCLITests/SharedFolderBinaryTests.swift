import Foundation
import TestSupport
import Testing

/// Several `runner` processes on one results folder, through the built binary: per-job claims,
/// a dead runner's claim taken over, `report` held back by live claims unless `--partial`.
@Suite(.serialized) struct SharedFolderBinaryTests {
    /// Starts `runner` with `arguments` in the background, its standard output to `output` and
    /// its standard error to `errors` (discarded without one).
    static func start(_ arguments: [String], in directory: URL, output: URL, errors: URL? = nil) throws -> Process {
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: output)
        if let errors {
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits for `process`, killing it after ten minutes (a hang-catcher only).
    static func finish(_ process: Process) {
        let deadline = Date().addingTimeInterval(600)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            Issue.record("runner did not finish within ten minutes")
        }
        process.waitUntilExit()
    }

    /// Whether `claim` names `process` as its owner.
    static func isHeld(_ claim: URL, by process: Process) -> Bool {
        let text = (try? String(contentsOf: claim, encoding: .utf8)) ?? ""
        return text.contains("\"pid\":\(process.processIdentifier),")
    }

    /// Waits until `process` holds `claim`; false when it ended first (or after two minutes, a
    /// hang-catcher only).
    static func waitUntil(_ process: Process, holds claim: URL) -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            if isHeld(claim, by: process) { return true }
            usleep(2_000)
        }
        return false
    }

    /// The `N completed` count of a `--no-report` run's summary line.
    static func completed(_ output: String) -> Int {
        guard let range = output.range(of: #"\d+ completed"#, options: .regularExpression) else { return 0 }
        return Int(output[range].split(separator: " ")[0]) ?? 0
    }

    /// Two shards, and two unsharded runners, started together on one folder: every job runs
    /// exactly once (the completed counts add up to the number of jobs), and the report equals
    /// a single run's byte for byte. Holds whatever the interleaving.
    @Test(arguments: [["--shard", "0/2"], []])
    func twoRunnersStartedTogetherRunEveryJobOnce(_ shard: [String]) throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let shared = dir.url.appendingPathComponent("shared"), whole = dir.url.appendingPathComponent("whole")
        var processes: [(Process, URL)] = []
        for index in 0..<2 {
            let part = shard.isEmpty ? [] : ["--shard", "\(index)/2"]
            let output = dir.url.appendingPathComponent("out\(index)")
            let arguments = ["run", config, "--results", shared.path, "--no-report", "--no-progress", "--jobs", "1"] + part
            processes.append((try Self.start(arguments, in: dir.url, output: output), output))
        }
        var completed = 0
        for (process, output) in processes {
            Self.finish(process)
            #expect(process.terminationStatus == 0)
            completed += Self.completed(try String(contentsOf: output, encoding: .utf8))
        }
        #expect(completed == 6)
        let report = try BinaryRunner.run(["report", shared.appendingPathComponent("e2e").path], in: dir.url)
        #expect(report.status == 0, "\(report.stderr)")
        let single = try BinaryRunner.run(["run", config, "--results", whole.path, "--no-progress"], in: dir.url)
        #expect(single.status == 0, "\(single.stderr)")
        let a = try RunBinaryTests.outputs(whole.appendingPathComponent("e2e"))
        let b = try RunBinaryTests.outputs(shared.appendingPathComponent("e2e"))
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
    }

    /// A runner stuck in an endless job holds its claim: a second runner does the other jobs
    /// and exits 1 naming the owner; `report` refuses (exit 1) unless `--partial`. Once the
    /// first is killed (-9), its claim names a dead pid and no longer holds anything back.
    @Test func aLiveClaimHoldsTheReportBackUntilItsOwnerDies() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep
            .replacingOccurrences(of: "seeds: 3\ngrid:\n  baseline: [none, value]", with: "seeds: 1\ngrid:\n  training.steps: [4000, 1000000000]"))
        let results = dir.url.appendingPathComponent("r"), folder = results.appendingPathComponent("e2e")
        let endless = try Self.start(
            ["run", config, "--results", results.path, "--only", "training.steps=1000000000", "--no-progress"],
            in: dir.url, output: dir.url.appendingPathComponent("endless"))
        defer { if endless.isRunning { kill(endless.processIdentifier, SIGKILL) } }
        let claims = folder.appendingPathComponent("claims")
        let deadline = Date().addingTimeInterval(120)
        while endless.isRunning && Date() < deadline
            && ((try? FileManager.default.contentsOfDirectory(atPath: claims.path)) ?? []).isEmpty
        {
            usleep(20_000)
        }
        #expect(endless.isRunning)
        let owner = "pid \(endless.processIdentifier)"

        let second = try BinaryRunner.run(["run", config, "--results", results.path, "--no-progress"], in: dir.url)
        #expect(second.status == 1, "\(second.stderr)")
        #expect(second.stdout.contains("2 jobs: 1 completed"), "\(second.stdout)")
        #expect(second.stderr.contains("1 job is still being run in \(folder.path)"), "\(second.stderr)")
        #expect(second.stderr.contains(owner), "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.csv").path))

        let report = try BinaryRunner.run(["report", folder.path], in: dir.url)
        #expect(report.status == 1)
        #expect(report.stderr.contains("still being run") && report.stderr.contains("--partial"), "\(report.stderr)")
        let partial = try BinaryRunner.run(["report", folder.path, "--partial"], in: dir.url)
        #expect(partial.status == 0, "\(partial.stderr)")
        let table = try String(contentsOf: folder.appendingPathComponent("jobs.csv"), encoding: .utf8)
        #expect(table.components(separatedBy: ",completed,").count == 2 && table.contains(",missing,"), "\(table)")

        kill(endless.processIdentifier, SIGKILL)
        endless.waitUntilExit()
        let after = try BinaryRunner.run(["report", folder.path], in: dir.url)
        #expect(after.status == 0, "\(after.stderr)")
    }

    /// Two runners on one folder, the first killed (-9) while it holds a job: the second, which
    /// met that claim live and went on to the other job, looks at it again once that job is
    /// done, takes it over and finishes the sweep with its report (exit 0).
    ///
    /// The order of events is the test's, not the machine's: the holder is stopped (SIGSTOP) as
    /// soon as its claim appears, so it holds the job for as long as the test wants; the
    /// survivor, one worker taking jobs in plan order, is stopped as soon as its claim on the
    /// second job appears, so it has met the first job's claim and cannot have looked again;
    /// the holder is killed and reaped before the survivor goes on. Each job lasts seconds,
    /// and the test checks that neither runner got past its job before being stopped.
    @Test func aSurvivorTakesOverTheJobOfARunnerKilledAfterItMetItsClaim() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep
            .replacingOccurrences(of: "seeds: 3\ngrid:\n  baseline: [none, value]", with: "seeds: 1\ngrid:\n  training.steps: [\(Self.longSteps), \(Self.longSteps + 1000)]"))
        let plan = try BinaryRunner.run(["plan", config, "--format", "csv"], in: dir.url)
        let ids = plan.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        try #require(ids.count == 2)
        let results = dir.url.appendingPathComponent("r"), folder = results.appendingPathComponent("e2e")
        let claims = folder.appendingPathComponent("claims")
        let (first, second) = (claims.appendingPathComponent(ids[0]), claims.appendingPathComponent(ids[1]))

        let holder = try Self.start(
            ["run", config, "--results", results.path, "--only", "training.steps=\(Self.longSteps)", "--no-progress"],
            in: dir.url, output: dir.url.appendingPathComponent("holder"))
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        try #require(Self.waitUntil(holder, holds: first))
        kill(holder.processIdentifier, SIGSTOP)
        try #require(Self.isHeld(first, by: holder), "the holder finished its job before it was stopped")

        let output = dir.url.appendingPathComponent("survivor"), errors = dir.url.appendingPathComponent("survivor.err")
        let survivor = try Self.start(
            ["run", config, "--results", results.path, "--jobs", "1", "--no-progress"], in: dir.url, output: output,
            errors: errors)
        defer { if survivor.isRunning { kill(survivor.processIdentifier, SIGKILL) } }
        try #require(Self.waitUntil(survivor, holds: second))
        kill(survivor.processIdentifier, SIGSTOP)
        try #require(Self.isHeld(second, by: survivor), "the survivor finished its job before it was stopped")
        #expect(Self.isHeld(first, by: holder))

        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        kill(survivor.processIdentifier, SIGCONT)
        Self.finish(survivor)
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        #expect(survivor.terminationStatus == 0, "\(stderr)")
        #expect(!stderr.contains("still being run"), "\(stderr)")
        #expect(RunBinaryTests.jobs(in: folder.appendingPathComponent("jobs"), status: "completed") == ids.sorted())
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.csv").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: claims.path).isEmpty)
    }

    /// Steps of a job that takes seconds: far longer than the test takes to stop a runner once
    /// it sees its claim, short enough to run twice in a test.
    static let longSteps = 400_000

    /// A claim left by a process that has exited, and one from another host whose heartbeat is
    /// a day old, are taken over: the run completes those jobs and removes the claims.
    @Test func deadAndStaleClaimsAreTakenOver() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let results = dir.url.appendingPathComponent("r"), folder = results.appendingPathComponent("e2e")
        let plan = try BinaryRunner.run(["plan", config, "--format", "csv"], in: dir.url)
        let ids = plan.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(ids.count == 6)
        let claims = folder.appendingPathComponent("claims")
        try FileManager.default.createDirectory(at: claims, withIntermediateDirectories: true)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let host = ProcessInfo.processInfo.hostName
        let now = Int(Date().timeIntervalSince1970)
        try #"{"heartbeat":\#(now),"host":"\#(host)","pid":\#(child.processIdentifier),"slurm_job_id":null}"#
            .write(to: claims.appendingPathComponent(ids[0]), atomically: true, encoding: .utf8)
        try #"{"heartbeat":\#(now - 86_400),"host":"node-elsewhere","pid":1,"slurm_job_id":"81234_2"}"#
            .write(to: claims.appendingPathComponent(ids[1]), atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["run", config, "--results", results.path, "--no-progress"], in: dir.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(RunBinaryTests.jobs(in: folder.appendingPathComponent("jobs"), status: "completed").count == 6)
        #expect(try FileManager.default.contentsOfDirectory(atPath: claims.path).isEmpty)
    }
}
