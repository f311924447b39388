import Foundation
import TestSupport
import Testing

/// Checkpoints through the built binary: a job killed with -9, or warned with SIGUSR1, resumes
/// from its checkpoint and ends with the files of an uninterrupted run, byte for byte.
///
/// The signal is sent once the job's first checkpoint exists; nothing waits for a fixed time.
@Suite(.serialized) struct CheckpointBinaryTests {
    /// One long job (400,000 Bandit steps, a checkpoint every 2,000) with diagnostics.
    static let config = ExperimentFixture.text("resumable")

    struct Setup {
        let dir = TemporaryFolder()
        var config: String { dir.url.appendingPathComponent("resumable.yaml").path }
        func results(_ name: String) -> URL { dir.url.appendingPathComponent(name) }
        func folder(_ name: String) -> URL { results(name).appendingPathComponent("resumable") }

        init() { dir.write("resumable.yaml", CheckpointBinaryTests.config) }

        func run(_ name: String) throws -> BinaryRunner.Outcome {
            try BinaryRunner.run(["run", config, "--results", results(name).path, "--no-progress"], in: dir.url)
        }

        /// Starts a run into `name` and returns once its job has saved a checkpoint.
        func startUntilCheckpoint(_ name: String) throws -> (Process, URL) {
            let process = Process()
            process.executableURL = BinaryRunner.executable
            process.arguments = ["run", config, "--results", results(name).path, "--no-progress"]
            process.currentDirectoryURL = dir.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let jobs = folder(name).appendingPathComponent("jobs")
            let deadline = Date().addingTimeInterval(300)
            while process.isRunning && Date() < deadline {
                let ids = (try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []
                if let id = ids.first, FileManager.default.fileExists(atPath: jobs.appendingPathComponent("\(id)/checkpoint").path) {
                    return (process, jobs.appendingPathComponent(id))
                }
                usleep(5_000)
            }
            Issue.record("no checkpoint appeared")
            return (process, jobs)
        }

        /// `result.json` of the job in `folder`, as JSON.
        func result(_ job: URL) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: job.appendingPathComponent("result.json"))) as? [String: Any])
        }
    }

    @Test func killedWithSigkillItResumesFromItsCheckpoint() throws {
        let setup = Setup()
        let (process, job) = try setup.startUntilCheckpoint("killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(!FileManager.default.fileExists(atPath: job.appendingPathComponent("result.json").path),
                     "the job finished before it could be killed")
        let again = try setup.run("killed")
        #expect(again.status == 0, "\(again.stderr)")
        let result = try setup.result(job)
        #expect(result["restarts"] as? Int == 1)
        let resumed = try #require(result["resumed_from_steps"] as? [Int])
        #expect(resumed.count == 1 && resumed[0] > 0 && resumed[0] < 400_000)
        #expect(!FileManager.default.fileExists(atPath: job.appendingPathComponent("checkpoint").path))
        #expect(try setup.run("whole").status == 0)
        let a = try RunBinaryTests.outputs(setup.folder("whole")), b = try RunBinaryTests.outputs(setup.folder("killed"))
        #expect(a.keys.contains { $0.hasSuffix("variance.csv") } && a.keys.contains("/summary.csv"))
        #expect(a == b, "differing: \(a.keys.filter { a[$0] != b[$0] })")
    }

    /// SIGUSR1 (SLURM's warning before preemption) and SIGTERM (preemption, the time limit):
    /// the job saves a checkpoint at its next update boundary and stops there (after SIGTERM,
    /// if that takes more than its grace, it stops at once and keeps its latest checkpoint);
    /// the runner exits 130 and a rerun resumes from the checkpoint.
    @Test(arguments: [SIGUSR1, SIGTERM])
    func aWarningSignalSavesACheckpointAndExits130(signal: Int32) throws {
        let setup = Setup()
        let (process, job) = try setup.startUntilCheckpoint("warned")
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        let stopped = try setup.result(job)
        #expect(stopped["status"] as? String == "interrupted")
        // The state follows the checkpoint's one-line seal.
        let sealed = try Data(contentsOf: job.appendingPathComponent("checkpoint"))
        let state = try #require(sealed.firstIndex(of: 0x0A)).advanced(by: 1)
        let checkpoint = try #require(try JSONSerialization.jsonObject(with: sealed[state...]) as? [String: Any])
        let step = try #require(checkpoint["step"] as? Int)
        // After SIGTERM the job may have used up its grace (a loaded machine) and stopped at once.
        if signal == SIGUSR1 { #expect(stopped["steps"] as? Int == step) }
        let again = try setup.run("warned")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try setup.result(job)["resumed_from_steps"] as? [Int] == [step])
        #expect(try setup.run("whole").status == 0)
        #expect(try RunBinaryTests.outputs(setup.folder("whole")) == RunBinaryTests.outputs(setup.folder("warned")))
    }
}
