import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Experiments on `backend: gymnasium` through the built binary: a bridged job's files are the
/// same whatever `--jobs` is and on a rerun, the software's versions are recorded, and every
/// fault ends its own job (failed with the traceback, or diverged) while the sweep goes on;
/// a missing Python and an unknown id are located errors. No worker outlives the runner.
///
/// Nothing waits for a fixed time: a test that needs a worker stuck in an environment waits
/// until the worker exists; the timeouts only catch a hang.
@Suite(.serialized, .enabled(if: GymnasiumPython.shouldRun, "needs Python with gymnasium"))
struct GymnasiumBackendBinaryTests {
    /// A Python module registering small environments that misbehave on purpose: every copy
    /// counts its steps since it was made and, at step `at`, raises, hangs, or observes NaN (`at`
    /// lies beyond the eight steps of the state-copy check a worker runs when it first opens them).
    static let module = "runner_test_environments"
    static let source = #"""
        import time
        import gymnasium as gym
        import numpy as np


        class Counting(gym.Env):
            """Observes [t/10, 1]; rewards 1 a step; an episode ends after 10 steps."""

            observation_space = gym.spaces.Box(-np.inf, np.inf, (2,), np.float64)
            action_space = gym.spaces.Discrete(2)

            def __init__(self, kind="none", at=20):
                self.kind, self.at, self.total = kind, at, 0

            def reset(self, seed=None, options=None):
                super().reset(seed=seed)
                self.t = 0
                return np.array([0.0, self.np_random.uniform()]), {}

            def step(self, action):
                self.t += 1
                self.total += 1
                if self.total == self.at:
                    if self.kind == "raise":
                        raise RuntimeError("a step that fails on purpose")
                    if self.kind == "hang":
                        time.sleep(3600)
                    if self.kind == "nan":
                        return np.full(2, np.nan), 1.0, False, False, {}
                return np.array([self.t / 10, float(action)]), 1.0, self.t >= 10, False, {}


        class Opaque(Counting):
            """Holds a value pickle refuses, so its state cannot be copied."""

            def __init__(self):
                super().__init__()
                self.handle = lambda: None


        for kind in ["none", "raise", "hang", "nan"]:
            gym.register(f"RunnerTest-{kind}-v0", entry_point=Counting, kwargs={"kind": kind}, max_episode_steps=50)
        gym.register("RunnerTest-opaque-v0", entry_point=Opaque, max_episode_steps=50)
        """#

    /// An A2C experiment on `id` through the bridge, importing the test module from `folder`.
    static func experiment(_ name: String, ids: [String], folder: TemporaryFolder) -> String {
        let grid = ids.count == 1 ? "" : "grid:\n  environment.id: [\(ids.joined(separator: ", "))]\n"
        return """
            experiment: \(name)
            environment:
              id: \(ids[0])
              backend: gymnasium
              num_envs: 4
              imports: [\(module)]
              python_path: ['\(folder.url.path)']
            estimator: {name: a2c, n_steps: 5}
            training: {steps: 400, eval_every: 200, eval_episodes: 3}
            seeds: 2
            \(grid)
            """
    }

    /// The processes still running a Gymnasium worker started by runner `pid` (their command
    /// line is `python -c <worker source> <pid>`).
    static func workers(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { process in
            guard let data = FileManager.default.contents(atPath: "/proc/\(process)/cmdline") else { return false }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return arguments.count == 4 && arguments[1] == "-c" && arguments[3] == String(pid)
                && arguments[2].contains("Gymnasium")
        }
    }

    /// `key` of the job's `result.json`.
    static func result(_ folder: URL, job: String) -> [String: Any] {
        let data = (try? Data(contentsOf: folder.appendingPathComponent("jobs/\(job)/result.json"))) ?? Data()
        return ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
    }

    static func jobs(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("jobs").path)) ?? []).sorted()
    }

    /// Starts `runner run` on `path` into `results` under `folder`, output discarded; the
    /// caller waits for it or signals it.
    static func start(_ path: String, results: String, in folder: TemporaryFolder, jobs: Int = 1) throws -> Process {
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = [
            "run", path, "--results", folder.url.appendingPathComponent(results).path, "--jobs", String(jobs), "--no-progress",
        ]
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aBridgedSweepIsTheSameWhateverJobsAndOnARerunAndRecordsItsVersions() throws {
        guard GymnasiumPython.check() else { return }
        let folder = TemporaryFolder()
        folder.write("\(Self.module).py", Self.source)
        let path = folder.write("bridged.yaml", Self.experiment("bridged", ids: ["RunnerTest-none-v0"], folder: folder))
        var outputs: [[String: Data]] = []
        for (results, jobs) in [("one", "1"), ("two", "2"), ("again", "2")] {
            let outcome = try BinaryRunner.run(
                ["run", path, "--results", folder.url.appendingPathComponent(results).path, "--jobs", jobs, "--no-progress"],
                in: folder.url)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let experiment = folder.url.appendingPathComponent("\(results)/bridged")
            var files: [String: Data] = [:]
            for job in Self.jobs(experiment) {
                for file in ["curve.csv", "policy.json", "config.yaml"] {
                    files["\(job)/\(file)"] = try Data(contentsOf: experiment.appendingPathComponent("jobs/\(job)/\(file)"))
                }
                let versions = Self.result(experiment, job: job)["environment_versions"] as? [String: String]
                #expect(versions?["gymnasium"] != nil && versions?["numpy"] != nil && versions?["python"] != nil)
            }
            #expect(files.count == 6)
            outputs.append(files)
            let manifest = try String(contentsOf: experiment.appendingPathComponent("manifest.json"), encoding: .utf8)
            #expect(manifest.contains("\"environment_versions\"") && manifest.contains("\"RunnerTest-none-v0\""))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[1] == outputs[2])
    }

    /// docs/environments.md's worked example: a package of one's own, imported by the workers
    /// from a folder relative to the repository's root, trains to walking straight to the goal.
    @Test func theWorkedExampleTrainsAnEnvironmentOfOnesOwn() throws {
        guard GymnasiumPython.check() else { return }
        let folder = TemporaryFolder()
        let outcome = try BinaryRunner.run(
            ["run", "experiments/gymnasium/gridwalk.yaml", "--results", folder.url.path, "--no-progress"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let experiment = folder.url.appendingPathComponent("gridwalk")
        let jobs = Self.jobs(experiment)
        #expect(jobs.count == 3)
        for job in jobs {
            // Walking straight right from the three starting cells earns 0.6, 0.7 or 0.8; any
            // detour costs at least 0.2.
            let finalReturn = Self.result(experiment, job: job)["final_return"] as? Double ?? 0
            #expect(finalReturn >= 0.6 - 1e-9, "\(job): \(finalReturn)")
        }
    }

    @Test func eachFaultEndsItsOwnJobAndTheSweepGoesOn() throws {
        guard GymnasiumPython.check() else { return }
        let folder = TemporaryFolder()
        folder.write("\(Self.module).py", Self.source)
        let ids = ["RunnerTest-none-v0", "RunnerTest-raise-v0", "RunnerTest-nan-v0"]
        var config = Self.experiment("faults", ids: ids, folder: folder)
        config = config.replacingOccurrences(of: "seeds: 2", with: "seeds: 1")
        let path = folder.write("faults.yaml", config)
        let process = try Self.start(path, results: "r", in: folder, jobs: 2)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(Self.workers(of: process.processIdentifier).isEmpty)
        let experiment = folder.url.appendingPathComponent("r/faults")
        var byStatus: [String: [String: Any]] = [:]
        for job in Self.jobs(experiment) {
            let result = Self.result(experiment, job: job)
            byStatus[result["status"] as? String ?? "?"] = result
        }
        #expect(Set(byStatus.keys) == ["completed", "failed", "diverged"], "\(byStatus)")
        let failure = byStatus["failed"]?["error"] as? String ?? ""
        #expect(failure.contains("RuntimeError: a step that fails on purpose") && failure.contains("Traceback"), "\(failure)")
        let divergence = byStatus["diverged"]?["error"] as? String ?? ""
        #expect(divergence.contains("NaN"), "\(divergence)")
    }

    @Test func anUnknownIdAndAMissingPythonAreLocatedErrors() throws {
        guard GymnasiumPython.check() else { return }
        let folder = TemporaryFolder()
        let unknown = folder.write("unknown.yaml", """
            experiment: unknown
            environment: {id: CartPol-v1, backend: gymnasium}
            seeds: 1

            """)
        var outcome = try BinaryRunner.run(["validate", unknown], in: folder.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("unknown.yaml:2:19: error: environment.id:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("CartPole"), "Gymnasium's suggestion: \(outcome.stderr)")
        let missing = folder.write("missing.yaml", """
            experiment: missing
            environment: {id: CartPole-v1, backend: gymnasium, python: /nonexistent/python3}
            seeds: 1

            """)
        outcome = try BinaryRunner.run(["validate", missing], in: folder.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("error: environment.python: no Python to run Gymnasium"), "\(outcome.stderr)")
        let native = folder.write("native.yaml", """
            experiment: native
            environment: {id: CartPole-v1, workers: 2}
            seeds: 1

            """)
        outcome = try BinaryRunner.run(["validate", native], in: folder.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("environment.workers: 'workers' applies to an environment stepped by a backend"))
        folder.write("\(Self.module).py", Self.source)
        let continued = folder.write("continued.yaml", """
            experiment: continued
            environment: {id: RunnerTest-opaque-v0, backend: gymnasium, imports: [\(Self.module)], python_path: ['\(folder.url.path)']}
            estimator: {name: a2c}
            training: {steps: 1000}
            diagnostics: {gradient_variance: {every: 1000}}
            seeds: 1

            """)
        outcome = try BinaryRunner.run(["validate", continued], in: folder.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("states of RunnerTest-opaque-v0 cannot be copied"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("set diagnostics.gradient_variance.start: reset"), "\(outcome.stderr)")
    }

    /// A bridged job killed with -9 resumes from its checkpoint (the copies' states read from
    /// the workers and put back) and ends with an uninterrupted run's files, variance
    /// measurements from clones of the training copies included; its final evaluation replays.
    @Test func aKilledBridgedJobResumesFromItsCheckpointByteForByte() throws {
        guard GymnasiumPython.check() else { return }
        let folder = TemporaryFolder()
        folder.write("\(Self.module).py", Self.source)
        var config = Self.experiment("resumable", ids: ["RunnerTest-none-v0"], folder: folder)
        config = config.replacingOccurrences(of: "seeds: 2", with: "seeds: 1")
            .replacingOccurrences(
                of: "training: {steps: 400, eval_every: 200, eval_episodes: 3}",
                with: """
                    training: {steps: 60000, eval_every: 10000, checkpoint_every: 1000, eval_episodes: 3}
                    diagnostics: {gradient_variance: {every: 20000, samples: 4, compare: [none]}}
                    """)
        let path = folder.write("resumable.yaml", config)
        let process = try Self.start(path, results: "killed", in: folder, jobs: 1)
        let jobs = folder.url.appendingPathComponent("killed/resumable/jobs")
        let job: URL? = BinaryRunner.killWhenFound(process) {
            let ids = (try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []
            guard let id = ids.first, FileManager.default.fileExists(atPath: jobs.appendingPathComponent("\(id)/checkpoint").path)
            else { return nil }
            return jobs.appendingPathComponent(id)
        }
        let killed = try #require(job, "no checkpoint appeared")
        try #require(!FileManager.default.fileExists(atPath: killed.appendingPathComponent("result.json").path),
                     "the job finished before it could be killed")
        // The kernel ends the workers of a killed runner.
        let gone = Date().addingTimeInterval(300)
        while !Self.workers(of: process.processIdentifier).isEmpty && Date() < gone { usleep(20_000) }
        #expect(Self.workers(of: process.processIdentifier).isEmpty)

        for name in ["killed", "whole"] {
            let outcome = try BinaryRunner.run(
                ["run", path, "--results", folder.url.appendingPathComponent(name).path, "--no-progress"], in: folder.url)
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let result = Self.result(jobs.deletingLastPathComponent(), job: killed.lastPathComponent)
        #expect(result["restarts"] as? Int == 1, "\(result)")
        let whole = try RunBinaryTests.outputs(folder.url.appendingPathComponent("whole/resumable"))
        let resumed = try RunBinaryTests.outputs(folder.url.appendingPathComponent("killed/resumable"))
        #expect(whole.keys.contains { $0.hasSuffix("variance.csv") })
        #expect(whole == resumed, "differing: \(whole.keys.filter { whole[$0] != resumed[$0] })")

        let evaluation = try BinaryRunner.run(
            ["evaluate", folder.url.appendingPathComponent("whole/resumable").path], in: folder.url)
        #expect(evaluation.status == 0, "\(evaluation.stderr)")
        let row = try #require(evaluation.stdout.split(separator: "\n").dropFirst().first).split(separator: ",")
        #expect(row.count == 7 && row[4] == row[6], "the replayed mean is the final return: \(evaluation.stdout)")
    }

    /// Starts the runner on an environment whose copies hang at their twentieth step; returns once
    /// a worker of the job is stuck there (the runner's own check of the id has ended by then).
    static func startHanging(in folder: TemporaryFolder) throws -> Process {
        folder.write("\(module).py", source)
        var config = experiment("hang", ids: ["RunnerTest-hang-v0"], folder: folder)
        config = config.replacingOccurrences(of: "seeds: 2", with: "seeds: 1")
        let path = folder.write("hang.yaml", config)
        let process = try Self.start(path, results: "r", in: folder, jobs: 1)
        // The job's copies exist once its folder holds a config; their workers then hang.
        let deadline = Date().addingTimeInterval(300)
        let experiment = folder.url.appendingPathComponent("r/hang")
        while process.isRunning && Date() < deadline {
            let started = jobs(experiment).contains { job in
                FileManager.default.fileExists(atPath: experiment.appendingPathComponent("jobs/\(job)/config.yaml").path)
            }
            if started && workers(of: process.processIdentifier).count >= 2 { break }
            usleep(20_000)
        }
        return process
    }

    static func waitForExit(_ process: Process) {
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            Issue.record("runner still running")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    @Test func aWorkerKilledWithSignal9FailsItsJob() throws {
        guard GymnasiumPython.check() else { return }
        let folder = TemporaryFolder()
        let process = try Self.startHanging(in: folder)
        try #require(process.isRunning)
        for worker in Self.workers(of: process.processIdentifier) { kill(worker, SIGKILL) }
        Self.waitForExit(process)
        #expect(process.terminationStatus == 1)
        #expect(Self.workers(of: process.processIdentifier).isEmpty)
        let experiment = folder.url.appendingPathComponent("r/hang")
        let job = try #require(Self.jobs(experiment).first)
        let result = Self.result(experiment, job: job)
        #expect(result["status"] as? String == "failed")
        #expect((result["error"] as? String ?? "").contains("signal 9"), "\(result)")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsARunnerWaitingForAStuckWorker(signal: Int32) throws {
        guard GymnasiumPython.check() else { return }
        let folder = TemporaryFolder()
        let process = try Self.startHanging(in: folder)
        try #require(process.isRunning)
        kill(process.processIdentifier, signal)
        Self.waitForExit(process)
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        #expect(Self.workers(of: process.processIdentifier).isEmpty)
        let experiment = folder.url.appendingPathComponent("r/hang")
        let job = try #require(Self.jobs(experiment).first)
        #expect(Self.result(experiment, job: job)["status"] as? String == "interrupted")
    }
}
