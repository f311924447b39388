import Foundation
import TestSupport
import Testing

/// Continuing training through the built binary: raising `training.steps` on a finished sweep
/// trains each job on from its shorter run's final state, and every CSV and `policy.json` end
/// byte for byte as a run of the longer budget from step 0.
@Suite(.serialized) struct ContinueTrainingBinaryTests {
    /// A2C on CartPole with gradient-variance diagnostics: 2,010 steps end at the update
    /// boundary 2,020, off the evaluation grid.
    static let a2c = """
        experiment: cont
        environment: {id: CartPole-v1, num_envs: 4}
        policy: {architecture: mlp, hidden: [16], activation: tanh}
        estimator: {name: a2c, gamma: 0.99, n_steps: 5}
        baseline: value
        optimizer: {name: rmsprop, lr: 7.0e-4}
        training: {steps: 2010, eval_every: 1000, eval_episodes: 2}
        diagnostics: {gradient_variance: {every: 1500, samples: 4, compare: [none, value]}}
        seeds: 2
        grid: {entropy_coef: [0.0, 0.01]}
        """

    /// PPO with observation and reward normalization.
    static let ppo = """
        experiment: cont
        environment: {id: CartPole-v1, num_envs: 2, normalize: true}
        estimator: {name: ppo, n_steps: 16, epochs: 2, minibatches: 2}
        baseline: value
        training: {steps: 1000, eval_every: 500, eval_episodes: 2}
        seeds: 2
        """

    /// REINFORCE on a tabular chain, whole episodes per update.
    static let reinforce = """
        experiment: cont
        environment: {id: Chain, max_episode_steps: 10, params: {length: 4, slip: 0.1}}
        policy: {architecture: tabular}
        estimator: {name: reinforce, episodes_per_update: 4}
        baseline: value
        training: {steps: 300, eval_every: 200, eval_episodes: 5}
        seeds: 3
        """

    struct Setup {
        let dir = TemporaryFolder()
        init(_ text: String) { dir.write("cont.yaml", text) }
        func folder(_ name: String) -> URL { dir.url.appendingPathComponent(name).appendingPathComponent("cont") }

        func run(_ results: String, steps: Int, _ extra: [String] = []) throws -> BinaryRunner.Outcome {
            try BinaryRunner.run(
                ["run", "cont.yaml", "--results", results, "--no-progress", "--set", "training.steps=\(steps)"] + extra,
                in: dir.url)
        }

        /// Every CSV, `config.yaml`, `policy.json`, `final-state` and `experiment.yaml` under
        /// `name`'s folder.
        func files(_ name: String) throws -> [String: Data] {
            let root = folder(name)
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            for case let url as URL in enumerator {
                let last = url.lastPathComponent
                guard url.pathExtension == "csv" || ["config.yaml", "policy.json", "experiment.yaml", "final-state"].contains(last)
                else { continue }
                files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
            }
            return files
        }

        func jobs(_ name: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder(name).appendingPathComponent("jobs").path)) ?? []).sorted()
        }

        func result(_ name: String, _ job: String) throws -> [String: Any] {
            let url = folder(name).appendingPathComponent("jobs/\(job)/result.json")
            return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        }

        /// `continued` matches `direct` file for file and job for job.
        func expectSame(_ continued: String, _ direct: String) throws {
            let a = try files(continued), b = try files(direct)
            #expect(a.keys.contains { $0.hasSuffix("policy.json") } && a.keys.contains("/summary.csv"))
            #expect(a == b, "differing: \(Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted())")
            #expect(jobs(continued) == jobs(direct))
        }
    }

    @Test(arguments: [(a2c, 2010, 4000), (ppo, 1000, 2500), (reinforce, 300, 800)])
    func aLongerBudgetContinuesAndMatchesADirectRun(text: String, short: Int, long: Int) throws {
        let setup = Setup(text)
        let first = try setup.run("a", steps: short)
        #expect(first.status == 0, "\(first.stderr)")
        let shortJobs = setup.jobs("a")
        for job in shortJobs {
            #expect(FileManager.default.fileExists(atPath: setup.folder("a").appendingPathComponent("jobs/\(job)/final-state").path))
        }
        let second = try setup.run("a", steps: long, ["--jobs", "1"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("training.steps raised from \(short) to \(long)"), "\(second.stderr)")
        #expect(second.stderr.contains("\(shortJobs.count) jobs continued from their shorter run's final state"), "\(second.stderr)")
        let direct = try setup.run("b", steps: long, ["--jobs", "2"])
        #expect(direct.status == 0, "\(direct.stderr)")
        try setup.expectSame("a", "b")
        // The predecessors are gone: jobs/ holds the sweep's jobs, each saying what it continued.
        #expect(Set(setup.jobs("a")).isDisjoint(with: shortJobs))
        for job in setup.jobs("a") {
            let from = try #require(try setup.result("a", job)["continued_from"] as? [String: Any])
            #expect(shortJobs.contains(from["job_id"] as? String ?? ""))
            #expect((from["step"] as? Int ?? 0) >= short)
        }
    }

    /// A linear schedule decays with the budget: its jobs start over, say so, and still match.
    @Test func aLinearScheduleStartsFromZeroAndMatches() throws {
        let setup = Setup(Self.ppo + "\noptimizer: {name: adam, lr: 3.0e-4, schedule: linear}\n")
        #expect(try setup.run("a", steps: 1000).status == 0)
        let second = try setup.run("a", steps: 2500)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("starts from step 0 instead of continuing"), "\(second.stderr)")
        #expect(second.stderr.contains("linear schedule depends on training.steps"))
        #expect(try setup.run("b", steps: 2500).status == 0)
        try setup.expectSame("a", "b")
        for job in setup.jobs("a") { #expect(try setup.result("a", job)["continued_from"] == nil) }
    }

    /// The step of the checkpoint in `job`, 0 when there is none: the JSON after its seal line.
    static func checkpointStep(_ job: URL) -> Int {
        guard let data = try? Data(contentsOf: job.appendingPathComponent("checkpoint")),
            let newline = data.firstIndex(of: 0x0A),
            let state = try? JSONSerialization.jsonObject(with: data[(newline + 1)...]) as? [String: Any]
        else { return 0 }
        return state["step"] as? Int ?? 0
    }

    /// Killed with -9 once the continuing job saved its first checkpoint, then run again: it
    /// resumes its own checkpoint and still ends as the direct run.
    @Test func aContinuationKilledAndRerunMatches() throws {
        let setup = Setup(ExperimentFixture.text("resumable", replacing: [("experiment: resumable", "experiment: cont")]))
        #expect(try setup.run("a", steps: 4000).status == 0)
        let predecessor = try #require(setup.jobs("a").first)
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = ["run", "cont.yaml", "--results", "a", "--no-progress", "--set", "training.steps=400000"]
        process.currentDirectoryURL = setup.dir.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let jobs = setup.folder("a").appendingPathComponent("jobs")
        // Once the continuing job has saved a checkpoint past the shorter run's end.
        let successor = BinaryRunner.killWhenFound(process) {
            setup.jobs("a").first { $0 != predecessor && Self.checkpointStep(jobs.appendingPathComponent($0)) > 4000 }
        }
        let id = try #require(successor, "no checkpoint of the continuing job appeared")
        try #require(!FileManager.default.fileExists(atPath: jobs.appendingPathComponent("\(id)/result.json").path),
                     "the job finished before it could be killed")
        let again = try setup.run("a", steps: 400_000)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try setup.run("b", steps: 400_000).status == 0)
        try setup.expectSame("a", "b")
        let from = try #require(try setup.result("a", id)["continued_from"] as? [String: Any])
        #expect(from["job_id"] as? String == predecessor)
    }
}

/// A results folder holds one experiment: any other difference than a larger
/// `training.steps` is refused before anything is written, naming what differs.
@Suite struct OneExperimentPerFolderBinaryTests {
    struct Setup {
        let dir = TemporaryFolder()
        init() { dir.write("tiny.yaml", ExperimentFixture.text("tiny") + "\nregression: {min: -100}\n") }
        var folder: URL { dir.url.appendingPathComponent("results/tiny") }
        func run(_ extra: [String]) throws -> BinaryRunner.Outcome {
            try BinaryRunner.run(["run", "tiny.yaml", "--no-progress"] + extra, in: dir.url)
        }
        /// The folder's files and their bytes, `result.json` and `manifest.json` aside.
        func snapshot(_ folder: URL) throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
            for case let url as URL in enumerator where !["result.json", "manifest.json"].contains(url.lastPathComponent) {
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
                files[String(url.path.dropFirst(folder.path.count))] = isFolder.boolValue ? Data() : try Data(contentsOf: url)
            }
            return files
        }
    }

    @Test(arguments: [
        (["--set", "training.steps=50"], "training.steps: 100 → 50"),
        (["--set", "optimizer.lr=0.5"], "optimizer.lr: absent → 0.5"),
        (["--set", "seeds=3"], "seeds: 2 → 3"),
    ])
    func anotherExperimentIsRefusedAndNothingWritten(arguments: [String], line: String) throws {
        let setup = Setup()
        #expect(try setup.run([]).status == 0)
        let before = try setup.snapshot(setup.folder)
        let refused = try setup.run(arguments)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("results/tiny holds the results of another experiment"), "\(refused.stderr)")
        #expect(refused.stderr.contains("  \(line)\n"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--results OTHER") && refused.stderr.contains("--new-run"))
        #expect(try setup.snapshot(setup.folder) == before)
        let check = try BinaryRunner.run(["check", "tiny.yaml"] + arguments, in: setup.dir.url)
        #expect(check.status == 64 && check.stderr.contains(line), "\(check.stderr)")
        let submit = try BinaryRunner.run(["submit", "slurm", "tiny.yaml", "--dry-run"] + arguments, in: setup.dir.url)
        #expect(submit.status == 64 && submit.stderr.contains(line), "\(submit.stderr)")
        // submit has no --new-run, so it offers only --results.
        #expect(submit.stderr.contains("--results OTHER") && !submit.stderr.contains("--new-run"), "\(submit.stderr)")
        #expect(try setup.snapshot(setup.folder) == before)
    }

    /// A new regression bar changes no job: the folder's results are judged against it.
    @Test func aNewRegressionBarIsNoOtherExperiment() throws {
        let setup = Setup()
        #expect(try setup.run([]).status == 0)
        let check = try BinaryRunner.run(["check", "tiny.yaml", "--set", "regression.min=-50"], in: setup.dir.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("-50.00  pass"), "\(check.stdout)")
        #expect(setup.dir.read("results/tiny/experiment.yaml").contains("-50"))
    }

    /// `--new-run` writes into the first `<name>-N` that is free or holds this experiment.
    @Test func newRunTakesTheNextFreeFolder() throws {
        let setup = Setup()
        #expect(try setup.run([]).status == 0)
        let before = try setup.snapshot(setup.folder)
        let other = try setup.run(["--set", "optimizer.lr=0.5", "--new-run"])
        #expect(other.status == 0, "\(other.stderr)")
        let second = setup.dir.url.appendingPathComponent("results/tiny-2")
        #expect(other.stdout.contains("new run: ") && other.stdout.contains("results/tiny-2"), "\(other.stdout)")
        #expect(setup.dir.read("results/tiny-2/experiment.yaml").contains("0.5"))
        #expect(try setup.snapshot(setup.folder) == before)
        let again = try setup.run(["--set", "optimizer.lr=0.5", "--new-run"])
        #expect(again.status == 0 && again.stdout.contains("results/tiny-2"), "\(again.stdout)")
        let third = try setup.run(["--set", "optimizer.lr=0.25", "--new-run"])
        #expect(third.status == 0 && third.stdout.contains("results/tiny-3"), "\(third.stdout)")
        #expect(FileManager.default.fileExists(atPath: second.appendingPathComponent("summary.csv").path))
    }

    /// `report`, `status` and `evaluate` read the folder's jobs only: a stray job folder
    /// (another configuration's) changes nothing they print or write.
    @Test func readersIgnoreStrayJobFolders() throws {
        let setup = Setup()
        #expect(try setup.run([]).status == 0)
        let path = setup.folder.path
        let report = try BinaryRunner.run(["report", path], in: setup.dir.url)
        let status = try BinaryRunner.run(["status", path], in: setup.dir.url)
        let evaluate = try BinaryRunner.run(["evaluate", path], in: setup.dir.url)
        #expect(report.status == 0 && status.status == 0 && evaluate.status == 0)
        let files = try setup.snapshot(setup.folder)
        let jobs = setup.folder.appendingPathComponent("jobs")
        let job = try #require(try FileManager.default.contentsOfDirectory(atPath: jobs.path).first)
        try FileManager.default.copyItem(at: jobs.appendingPathComponent(job), to: jobs.appendingPathComponent("0123456789abcdef"))
        let strayReport = try BinaryRunner.run(["report", path], in: setup.dir.url)
        #expect(strayReport.status == 0 && strayReport.stdout == report.stdout, "\(strayReport.stdout)")
        let strayStatus = try BinaryRunner.run(["status", path], in: setup.dir.url)
        #expect(strayStatus.stdout == status.stdout)
        let strayEvaluate = try BinaryRunner.run(["evaluate", path], in: setup.dir.url)
        #expect(strayEvaluate.stdout == evaluate.stdout)
        let after = try setup.snapshot(setup.folder).filter { !$0.key.contains("0123456789abcdef") }
        #expect(after == files)
    }
}
