import Foundation
import TestSupport
import Testing

/// `runner run --requeue-on-usr1` through the built binary, with a stand-in `scontrol` that
/// logs its arguments and what the results folder held when it was called: SIGUSR1 requeues
/// the SLURM job once the checkpoints are written and the claims released; without the
/// option, on SIGTERM, or outside SLURM nothing is requeued; a missing or refusing `scontrol`
/// is reported. The exit status is 130 throughout. The real SLURM is in
/// SlurmTimeLimitRequeueBinaryTests.
///
/// The signal is sent once the job's first checkpoint exists; nothing waits for a fixed time.
@Suite(.serialized) struct RequeueOnUsr1BinaryTests {
    static let hangCatcher: TimeInterval = 300
    static let arrayTask = ["SLURM_ARRAY_JOB_ID": "77", "SLURM_ARRAY_TASK_ID": "3", "SLURM_JOB_ID": "80"]

    struct Stopped {
        var status: Int32
        var stderr: String
        /// What the stand-in scontrol logged (empty when it was not called).
        var log: String
        /// The job's `result.json` status.
        var jobStatus: String?
    }

    /// Starts `runner run` on CheckpointBinaryTests' one long job with `options`, sends
    /// `signal` once the job has a checkpoint and returns when the runner has ended.
    /// `scontrol` is the stand-in's shell body (nil: no scontrol on PATH); `slurm` the SLURM
    /// variables the runner sees.
    static func stop(
        with signal: Int32, options: [String], scontrol: String?, slurm: [String: String] = arrayTask
    ) throws -> Stopped {
        let dir = TemporaryFolder()
        let config = dir.write("resumable.yaml", CheckpointBinaryTests.config)
        let folder = dir.url.appendingPathComponent("r/resumable")
        let bin = dir.url.appendingPathComponent("bin"), log = dir.url.appendingPathComponent("scontrol.log")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        if let scontrol {
            // Logs its arguments, then the claims and the job's files at the time of the call.
            let script = """
                #!/bin/sh
                {
                  printf 'args:'; printf ' %s' "$@"; echo
                  printf 'claims:'; /bin/ls '\(folder.path)/claims'; echo
                  printf 'job files:'; /bin/ls '\(folder.path)/jobs'/*/; echo
                } >> '\(log.path)'
                \(scontrol)

                """
            let file = bin.appendingPathComponent("scontrol")
            try script.write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") }
        environment.merge(slurm) { $1 }
        // Only the stand-in: a real scontrol may be installed (the stand-in names /bin/ls in full).
        environment["PATH"] = bin.path
        let stderr = dir.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = ["run", config, "--results", dir.url.appendingPathComponent("r").path, "--jobs", "1",
                             "--no-progress"] + options
        process.environment = environment
        process.currentDirectoryURL = dir.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()

        let jobs = folder.appendingPathComponent("jobs")
        var job: URL?
        let deadline = Date().addingTimeInterval(hangCatcher)
        while process.isRunning && Date() < deadline && job == nil {
            let ids = (try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []
            job = ids.first.map { jobs.appendingPathComponent($0) }
                .flatMap { FileManager.default.fileExists(atPath: $0.appendingPathComponent("checkpoint").path) ? $0 : nil }
            if job == nil { usleep(5_000) }
        }
        let started = process.isRunning
        if started { kill(process.processIdentifier, signal) }
        while process.isRunning && Date() < deadline.addingTimeInterval(hangCatcher) { usleep(20_000) }
        if process.isRunning {
            Issue.record("runner still running after the signal")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
        try #require(started && job != nil, "the runner ended before its first checkpoint: \(errorText)")
        let result = (try? Data(contentsOf: job!.appendingPathComponent("result.json")))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        return Stopped(
            status: process.terminationReason == .exit ? process.terminationStatus : -1, stderr: errorText,
            log: (try? String(contentsOf: log, encoding: .utf8)) ?? "", jobStatus: result?["status"] as? String)
    }

    /// With and without the report (the array script runs with --no-report).
    @Test(arguments: [["--no-report"], []])
    func theTimeLimitWarningRequeuesTheTaskOnceItsCheckpointsAreWritten(report: [String]) throws {
        let stopped = try Self.stop(with: SIGUSR1, options: ["--requeue-on-usr1"] + report, scontrol: "exit 0")
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.jobStatus == "interrupted")
        let lines = stopped.log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "args: requeue 77_3", "\(stopped.log)")
        // Called once, with no claim held and the job's checkpoint and result on disk.
        #expect(lines.filter { $0.hasPrefix("args:") }.count == 1)
        #expect(lines.contains("claims:"), "\(stopped.log)")
        #expect(stopped.log.contains("checkpoint") && stopped.log.contains("result.json"), "\(stopped.log)")
        #expect(stopped.stderr.contains("requeueing SLURM job 77_3 (1 unfinished job): scontrol requeue 77_3\n"
            + "requeued SLURM job 77_3: it resumes its jobs from their checkpoints"), "\(stopped.stderr)")
    }

    @Test func outsideAnArrayTheJobIdIsRequeued() throws {
        let stopped = try Self.stop(
            with: SIGUSR1, options: ["--requeue-on-usr1", "--no-report"], scontrol: "exit 0", slurm: ["SLURM_JOB_ID": "80"])
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.log.hasPrefix("args: requeue 80\n"), "\(stopped.log)")
    }

    /// SIGUSR1 without the option, and SIGTERM (scancel) with it: stopped, not requeued.
    @Test(arguments: [(SIGUSR1, false), (SIGTERM, true)])
    func otherwiseNothingIsRequeued(signal: Int32, option: Bool) throws {
        let stopped = try Self.stop(
            with: signal, options: ["--no-report"] + (option ? ["--requeue-on-usr1"] : []), scontrol: "exit 0")
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.jobStatus == "interrupted")
        #expect(stopped.log.isEmpty, "\(stopped.log)")
        #expect(!stopped.stderr.contains("requeue"), "\(stopped.stderr)")
    }

    @Test func aRefusalFromScontrolIsPrintedAndTheExitIs130() throws {
        let stopped = try Self.stop(
            with: SIGUSR1, options: ["--requeue-on-usr1", "--no-report"],
            scontrol: "echo 'scontrol: error: Requested operation is presently disabled for job 77_3' >&2; exit 1")
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.log.hasPrefix("args: requeue 77_3\n"), "\(stopped.log)")
        #expect(stopped.stderr.contains("scontrol requeue 77_3 failed (exit 1): scontrol: error: Requested operation"
            + " is presently disabled for job 77_3; submit again to resume"), "\(stopped.stderr)")
        #expect(!stopped.stderr.contains("requeued SLURM job"))
    }

    @Test func withoutScontrolOnPathItSaysSo() throws {
        let stopped = try Self.stop(with: SIGUSR1, options: ["--requeue-on-usr1", "--no-report"], scontrol: nil)
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("scontrol not found on PATH: SLURM job 77_3 was not requeued"), "\(stopped.stderr)")
    }

    @Test func outsideSlurmItSaysThereIsNoJobToRequeue() throws {
        let stopped = try Self.stop(with: SIGUSR1, options: ["--requeue-on-usr1", "--no-report"], scontrol: "exit 0", slurm: [:])
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.log.isEmpty, "\(stopped.log)")
        #expect(stopped.stderr.contains("SLURM_JOB_ID is not set (not a SLURM job); nothing requeued"), "\(stopped.stderr)")
    }

    @Test func theOptionIsInTheHelpOfRun() throws {
        let help = try BinaryRunner.run(["run", "--help"])
        #expect(help.status == 0)
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("--requeue-on-usr1 When SIGUSR1 stops the run with jobs left, requeue this SLURM job"), "\(words)")
        #expect(words.contains("SIGTERM and SIGINT never requeue"), "\(words)")
    }
}
