import Foundation
import TestSupport
import Testing

/// SIGINT and SIGTERM stop `runner run` inside long work: the running job ends `interrupted`,
/// the report is written and the exit status is 130; a second signal ends the process at once,
/// also with 130.
///
/// The signal is sent once the job has started (its curve's temporary exists); nothing waits for
/// a fixed time. The timeouts only catch a hang.
@Suite(.serialized) struct SignalBinaryTests {
    /// Long enough for a runner that does not stop to count as hung, short of stalling the suite.
    static let hangCatcher: TimeInterval = 300

    /// PPO whose one update runs 1,000,000 epochs: the job spends its life inside that update.
    static let longUpdate = """
        experiment: long_update
        environment: {id: CartPole-v1}
        estimator: {name: ppo, n_steps: 256, epochs: 1000000, minibatches: 4}
        training: {steps: 256, eval_episodes: 1}
        seeds: 1

        """

    /// A2C on a chain with no time limit worth the name: no state is terminal, so the first
    /// evaluation episode never ends. (REINFORCE there is refused by validation: one batch of
    /// whole episodes could not be stored.)
    static let endlessEpisode = """
        experiment: endless_episode
        environment: {id: Chain, max_episode_steps: 9223372036854775807}
        policy: {architecture: tabular}
        estimator: {name: a2c}
        training: {steps: 1000}
        seeds: 1

        """

    /// A runner started on one experiment, its output kept in files.
    struct Started {
        let process: Process
        let directory: TemporaryFolder
        let folder: URL
        let stderr: URL

        /// Starts `runner run` with one worker on `config` (experiment `name`).
        init(_ config: String, name: String) throws {
            directory = TemporaryFolder()
            let path = directory.write("experiment.yaml", config)
            folder = directory.url.appendingPathComponent("r/\(name)")
            stderr = directory.url.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process = Process()
            process.executableURL = BinaryRunner.executable
            process.arguments = ["run", path, "--jobs", "1", "--results", directory.url.appendingPathComponent("r").path,
                                 "--no-progress"]
            process.currentDirectoryURL = directory.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: stderr)
            try process.run()
        }

        /// The job folders, by id.
        var jobs: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("jobs").path)) ?? [])
                .sorted()
        }

        /// Waits until the job has started writing its curve, or the runner has ended.
        func waitUntilInsideTheJob() {
            let deadline = Date().addingTimeInterval(SignalBinaryTests.hangCatcher)
            while process.isRunning && Date() < deadline {
                // The curve is written to `.curve.csv.<pid>.<n>.tmp` while the job runs.
                if jobs.contains(where: { job in
                    let entries = (try? FileManager.default.contentsOfDirectory(
                        atPath: folder.appendingPathComponent("jobs/\(job)").path)) ?? []
                    return entries.contains { $0.hasPrefix(".curve.csv.") && $0.hasSuffix(".tmp") }
                }) { return }
                usleep(20_000)
            }
        }

        /// Waits for the runner to end; records a hang (and ends it) after the hang-catcher.
        func waitForExit() {
            let deadline = Date().addingTimeInterval(SignalBinaryTests.hangCatcher)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning {
                Issue.record("runner still running \(SignalBinaryTests.hangCatcher) s after the signal")
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
        }

        var errorOutput: String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }

        /// The status recorded in the job's `result.json`, if any.
        func status(of job: String) -> String? {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent("jobs/\(job)/result.json")),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return object["status"] as? String
        }
    }

    static let longWork = [(longUpdate, "long_update"), (endlessEpisode, "endless_episode")]

    @Test(arguments: [SIGINT, SIGTERM], [0, 1])
    func aSignalStopsAJobInsideLongWork(signal: Int32, work: Int) throws {
        let (config, name) = Self.longWork[work]
        let runner = try Started(config, name: name)
        runner.waitUntilInsideTheJob()
        try #require(runner.process.isRunning, "runner ended early: \(runner.errorOutput)")
        kill(runner.process.processIdentifier, signal)
        runner.waitForExit()
        #expect(runner.process.terminationReason == .exit)
        #expect(runner.process.terminationStatus == 130, "\(runner.errorOutput)")
        let job = try #require(runner.jobs.first)
        #expect(runner.status(of: job) == "interrupted")
        for report in ["summary.csv", "jobs.csv", "curves_summary.csv"] {
            #expect(FileManager.default.fileExists(atPath: runner.folder.appendingPathComponent(report).path), "\(report)")
        }
        let manifest = try String(contentsOf: runner.folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"state\" : \"interrupted\""))
        #expect(runner.errorOutput.contains("interrupted"))
    }

    @Test(arguments: [(SIGINT, SIGINT), (SIGINT, SIGTERM), (SIGTERM, SIGINT), (SIGTERM, SIGTERM)])
    func aSecondSignalEndsTheRunnerWith130(first: Int32, second: Int32) throws {
        let runner = try Started(Self.endlessEpisode, name: "endless_episode")
        runner.waitUntilInsideTheJob()
        try #require(runner.process.isRunning, "runner ended early: \(runner.errorOutput)")
        kill(runner.process.processIdentifier, first)
        kill(runner.process.processIdentifier, second)
        runner.waitForExit()
        // Whether the second signal came before the graceful stop ended or after: 130, never a
        // death by signal.
        #expect(runner.process.terminationReason == .exit)
        #expect(runner.process.terminationStatus == 130, "\(runner.errorOutput)")
    }
}
