import Foundation
import TestSupport
import Testing

/// Files read back from a job's folder are verified before they are believed: a checkpoint
/// swapped from another job or edited, a `result.json` whose figures were edited or that does
/// not decode, and a `policy.json` swapped from another job never become a valid-looking
/// result. The runner says what it did not believe, and a rerun ends with a clean run's files.
@Suite(.serialized) struct ForgedJobFilesBinaryTests {
    /// `ResultsFolderLinkBinaryTests`' Bandit job with two seeds, checkpoints every 100 steps,
    /// variance rows, and a bound on the final return that the real runs stay below (their
    /// returns are about 1).
    static let experiment = ResultsFolderLinkBinaryTests.experiment
        .replacingOccurrences(of: "experiment: linked", with: "experiment: forged")
        .replacingOccurrences(of: "eval_episodes: 4}", with: """
            eval_episodes: 4, checkpoint_every: 100}
            diagnostics: {gradient_variance: {every: 200, samples: 4, compare: [none, mean]}}
            regression: {min: 50}
            """)
        .replacingOccurrences(of: "seeds: 1", with: "seeds: 2")

    struct Setup {
        let dir = TemporaryFolder()
        var config: String { dir.url.appendingPathComponent("forged.yaml").path }

        init() { dir.write("forged.yaml", ForgedJobFilesBinaryTests.experiment) }

        func run(
            _ results: String, _ extra: [String] = [], command: String = "run", timeout: TimeInterval = 300
        ) throws -> BinaryRunner.Outcome {
            // `check` prints no progress.
            let quiet = command == "run" ? ["--no-progress"] : []
            return try BinaryRunner.run([command, config, "--results", results] + quiet + extra, in: dir.url, timeout: timeout)
        }

        func folder(_ results: String) -> URL { dir.url.appendingPathComponent("\(results)/forged") }

        /// The job folders, sorted by id.
        func jobs(_ results: String) throws -> [URL] {
            let jobs = folder(results).appendingPathComponent("jobs")
            return try FileManager.default.contentsOfDirectory(atPath: jobs.path).sorted().map { jobs.appendingPathComponent($0) }
        }

        /// The files a job's result depends on, by name.
        func files(_ job: URL) throws -> [String: Data] {
            try Dictionary(uniqueKeysWithValues: ["curve.csv", "variance.csv", "policy.json", "config.yaml"].map {
                ($0, try Data(contentsOf: job.appendingPathComponent($0)))
            })
        }

        /// A clean run into `clean` and a run keeping its checkpoints into `forged`; the forged
        /// folder's first job has no `result.json`, so the next run resumes it if it can.
        func cleanAndResumable() throws -> (clean: [URL], forged: [URL]) {
            #expect(try run("clean").status == 0)
            #expect(try run("forged", ["--keep-checkpoints"]).status == 0)
            let forged = try jobs("forged")
            try FileManager.default.removeItem(at: forged[0].appendingPathComponent("result.json"))
            return (try jobs("clean"), forged)
        }
    }

    @Test func aCheckpointCopiedFromAnotherJobIsNotResumed() throws {
        let setup = Setup()
        let (clean, forged) = try setup.cleanAndResumable()
        let checkpoint = forged[0].appendingPathComponent("checkpoint")
        try FileManager.default.removeItem(at: checkpoint)
        try FileManager.default.copyItem(at: forged[1].appendingPathComponent("checkpoint"), to: checkpoint)
        let outcome = try setup.run("forged")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: job \(forged[0].lastPathComponent): its checkpoint was not used "
            + "(it belongs to job \(forged[1].lastPathComponent)); the job starts over from step 0"), "\(outcome.stderr)")
        #expect(try setup.files(forged[0]) == setup.files(clean[0]))
    }

    /// 0.5 added to one policy parameter, or a row injected into the saved variance rows.
    @Test(arguments: ["parameter", "variance row"]) func anEditedCheckpointIsNotResumed(_ edit: String) throws {
        let setup = Setup()
        let (clean, forged) = try setup.cleanAndResumable()
        let checkpoint = forged[0].appendingPathComponent("checkpoint")
        var text = try String(contentsOf: checkpoint, encoding: .utf8)
        if edit == "parameter" {
            let start = try #require(text.range(of: "\"parameters\":[[")).upperBound
            let end = try #require(text[start...].firstIndex(of: ","))
            let value = try #require(Double(text[start..<end]))
            text.replaceSubrange(start..<end, with: "\(value + 0.5)")
        } else {
            let start = try #require(text.range(of: "\"variance_rows\":\"")).upperBound
            text.insert(contentsOf: "0,none,4,1,1,1,,,,,,,\\n", at: start)
        }
        try text.write(to: checkpoint, atomically: true, encoding: .utf8)
        let outcome = try setup.run("forged")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: job \(forged[0].lastPathComponent): its checkpoint was not used"),
                "\(outcome.stderr)")
        #expect(try setup.files(forged[0]) == setup.files(clean[0]))
        #expect(try BinaryRunner.run(["report", setup.folder("forged").path], in: setup.dir.url).status == 0)
    }

    /// `final_return` raised far above what the curve says: `check` must not pass on it, the
    /// report leaves the job out as damaged, and a run redoes it.
    @Test func anEditedFinalReturnIsNotBelieved() throws {
        let setup = Setup()
        var outcome = try setup.run("forged", command: "check")
        #expect(outcome.status == 1, "the real runs must stay below the bound: \(outcome.stdout)")
        let jobs = try setup.jobs("forged")
        let intact = try setup.files(jobs[0])
        for job in jobs {
            let url = job.appendingPathComponent("result.json")
            var result = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            result["final_return"] = 996.0
            try JSONSerialization.data(withJSONObject: result).write(to: url)
        }
        outcome = try BinaryRunner.run(["report", setup.folder("forged").path], in: setup.dir.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: job \(jobs[0].lastPathComponent) is damaged (\(jobs[0].path)/result.json "
            + "records final_return 996.0 where the last row of curve.csv has eval_return_mean"), "\(outcome.stderr)")

        outcome = try setup.run("forged", command: "check")
        #expect(outcome.status == 1 && !outcome.stdout.contains("passed"), "\(outcome.stdout)")
        #expect(outcome.stderr.contains("/result.json records final_return 996.0") && outcome.stderr.contains("it is run again"),
                "\(outcome.stderr)")
        #expect(try setup.files(jobs[0]) == intact)
    }

    /// A `result.json` that is not JSON makes its job damaged; the report goes on.
    @Test func aGarbageResultIsReportedDamaged() throws {
        let setup = Setup()
        #expect(try setup.run("forged").status == 0)
        let jobs = try setup.jobs("forged")
        try Data("{\"status\": \"completed\", \"steps\": ".utf8).write(to: jobs[0].appendingPathComponent("result.json"))
        let outcome = try BinaryRunner.run(["report", setup.folder("forged").path], in: setup.dir.url)
        #expect(outcome.status == 0 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: job \(jobs[0].lastPathComponent) is damaged "
            + "(\(jobs[0].path)/result.json: cannot decode: not valid JSON)"), "\(outcome.stderr)")
        #expect(outcome.stdout.contains("1 damaged"), "\(outcome.stdout)")
    }

    /// Under `ulimit -f 3` (1,536 bytes in 512-byte blocks, as dash counts, or 3,072 in
    /// bash's 1,024-byte ones) every job file and the report fit (`log_every` keeps
    /// `updates.csv` to its header), but a checkpoint of 16 environment copies (about 3.6 KB)
    /// does not: the jobs go on, and the run says so once per job.
    @Test func aCheckpointThatCannotBeWrittenIsAWarning() throws {
        let dir = TemporaryFolder()
        let config = dir.write("linked.yaml", ResultsFolderLinkBinaryTests.experiment
            .replacingOccurrences(of: "eval_episodes: 4}", with: "eval_episodes: 4, checkpoint_every: 100, log_every: 1000}")
            .replacingOccurrences(of: "  id: Bandit\n", with: "  id: Bandit\n  num_envs: 16\n"))
        let outcome = try BinaryRunner.run(
            ["run", config, "--results", "results", "--no-progress", "--jobs", "1"], in: dir.url, limits: ["-f 3"])
        #expect(outcome.status == 0 && !outcome.crashed, "\(outcome.stderr)")
        let warnings = outcome.stderr.split(separator: "\n").filter { $0.contains("a checkpoint could not be saved") }
        #expect(warnings.count == 1 && warnings[0].contains("/checkpoint: cannot write: File too large"), "\(outcome.stderr)")
    }

    /// Another job's `policy.json`: `evaluate` refuses the job, as the report does.
    @Test func aSwappedPolicyIsRefusedByEvaluate() throws {
        let setup = Setup()
        #expect(try setup.run("forged").status == 0)
        let jobs = try setup.jobs("forged")
        let policy = jobs[0].appendingPathComponent("policy.json")
        try FileManager.default.removeItem(at: policy)
        try FileManager.default.copyItem(at: jobs[1].appendingPathComponent("policy.json"), to: policy)
        let outcome = try BinaryRunner.run(["evaluate", setup.folder("forged").path], in: setup.dir.url)
        #expect(outcome.status == 1 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("error: job \(jobs[0].lastPathComponent): the job is damaged (policy.json has "),
                "\(outcome.stderr)")
        #expect(!outcome.stdout.contains(jobs[0].lastPathComponent), "\(outcome.stdout)")
        #expect(outcome.stdout.contains(jobs[1].lastPathComponent), "\(outcome.stdout)")
    }
}
