import Foundation
import Sweep
import TestSupport
import Testing

/// `runner submit slurm` through the built binary, with a stand-in `sbatch` (a shell script
/// that logs its arguments) or none at all; the real SLURM is in SlurmClusterBinaryTests.
@Suite struct SubmitSlurmBinaryTests {
    /// A folder holding a stand-in `sbatch` that appends its arguments (one per line, then
    /// `--`) to `sbatch.log` and answers `body`.
    static func fakeSbatch(in dir: TemporaryFolder, body: String) throws -> URL {
        let bin = dir.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = dir.url.appendingPathComponent("sbatch.log").path
        let script = """
            #!/bin/sh
            for a in "$@"; do printf '%s\\n' "$a" >> '\(log)'; done
            echo -- >> '\(log)'
            \(body)

            """
        let file = bin.appendingPathComponent("sbatch")
        try script.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return bin
    }

    /// A stand-in for a statically linked runner (`--static-runner`): it holds no reference
    /// to the Swift runtime's shared library, which is what staging checks.
    static func standInRunner(in dir: TemporaryFolder) throws -> String {
        let path = dir.write("static-runner", "#!/bin/sh\necho stand-in\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func aDryRunWritesAndPrintsBothScriptsAndSubmitsNothing() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let results = dir.url.appendingPathComponent("res 'a'")
        let outcome = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", results.path, "--tasks", "4", "--parallel", "2", "--dry-run"],
            in: dir.url, environment: ["PATH": "/nonexistent"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let slurm = results.appendingPathComponent("e2e/slurm")
        let array = try String(contentsOf: slurm.appendingPathComponent("array.sbatch"), encoding: .utf8)
        let report = try String(contentsOf: slurm.appendingPathComponent("report.sbatch"), encoding: .utf8)
        #expect(outcome.stdout.contains(array) && outcome.stdout.contains(report))
        #expect(array.contains("--shard \"${SLURM_ARRAY_TASK_ID}/4\" "))
        #expect(report.contains(" report "))
        #expect(outcome.stdout.contains("--array=0-3%2"))
        #expect(outcome.stdout.contains("nothing submitted"))
        #expect(!FileManager.default.fileExists(atPath: slurm.appendingPathComponent("submissions.json").path))
        #expect(!FileManager.default.fileExists(atPath: results.appendingPathComponent("e2e/jobs").path))
        // The scripts run the staged copies, which a dry run does not make.
        #expect(array.contains("exec \(ShellQuote.word(results.path + "/e2e/cluster/runner")) run "
            + ShellQuote.word(results.path + "/e2e/cluster/experiment.yaml")), "\(array)")
        #expect(!FileManager.default.fileExists(atPath: results.appendingPathComponent("e2e/cluster").path))
    }

    @Test func withoutSbatchOnPathItFailsNamingIt() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let outcome = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", dir.url.path], in: dir.url, environment: ["PATH": "/nonexistent"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("sbatch not found on PATH"), "\(outcome.stderr)")
    }

    @Test func anInvalidConfigIsRefusedBeforeSubmitting() throws {
        let dir = TemporaryFolder()
        let config = dir.write("bad.yaml", RunBinaryTests.sweep.replacingOccurrences(of: "seeds: 3", with: "seeds: -3"))
        let bin = try Self.fakeSbatch(in: dir, body: "echo 5")
        let outcome = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", dir.url.path], in: dir.url, environment: ["PATH": bin.path])
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("sbatch.log").path))
    }

    @Test func aRefusalFromSbatchIsExitOneWithItsMessage() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let bin = try Self.fakeSbatch(
            in: dir, body: "echo 'sbatch: error: Batch job submission failed: Invalid partition name specified' >&2; exit 1")
        let outcome = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", dir.url.path, "--partition", "nope",
             "--static-runner", try Self.standInRunner(in: dir)], in: dir.url, environment: ["PATH": bin.path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("sbatch refused the array (exit 1)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Invalid partition name specified"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("e2e/slurm/submissions.json").path))
    }

    /// The array, then the report after it; both ids recorded and printed; a second submission
    /// is appended to the record.
    @Test func submitsTheArrayThenTheReportAndRecordsTheIds() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        // Answers 100 to the first call, 101 to the second, ...
        let counter = dir.url.appendingPathComponent("n").path
        let bin = try Self.fakeSbatch(
            in: dir, body: "n=100; [ -f '\(counter)' ] && read n < '\(counter)'; echo $((n + 1)) > '\(counter)'; echo \"$n;cluster\"")
        let arguments = ["submit", "slurm", config, "--results", dir.url.path, "--sbatch-arg=--account=rl", "--parallel", "3",
                         "--static-runner", try Self.standInRunner(in: dir)]
        let outcome = try BinaryRunner.run(arguments, in: dir.url, environment: ["PATH": bin.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("submitted array job 100 (2 tasks, at most 3 at once)"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("submitted report job 101 (after array job 100)"), "\(outcome.stdout)")
        let slurm = dir.url.appendingPathComponent("e2e/slurm").path
        let log = try String(contentsOfFile: dir.url.appendingPathComponent("sbatch.log").path, encoding: .utf8)
        let calls = log.components(separatedBy: "--\n").filter { !$0.isEmpty }.map { $0.split(separator: "\n").map(String.init) }
        #expect(calls.count == 2)
        #expect(calls.first == ["--parsable", "--array=0-1%3", "--requeue", "--signal=B:USR1@60",
                                "--output=\(slurm)/array-%A_%a.out", "--open-mode=append", "--account=rl",
                                "\(slurm)/array.sbatch"])
        #expect(calls.last == ["--parsable", "--dependency=afterany:100", "--output=\(slurm)/report-%j.out",
                               "--account=rl", "\(slurm)/report.sbatch"])

        let again = try BinaryRunner.run(arguments, in: dir.url, environment: ["PATH": bin.path])
        #expect(again.status == 0, "\(again.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: slurm + "/submissions.json"))
        let records = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(records.map { $0["array_job_id"] as? String } == ["100", "102"])
        #expect(records.map { $0["report_job_id"] as? String } == ["101", "103"])
        #expect(records.first?["tasks"] as? Int == 2)
    }

    /// Submission stages the runner and the resolved experiment, and the scripts run them; an
    /// edit of the experiment file afterwards leaves the staged copy as it was.
    @Test func theRunnerAndTheResolvedExperimentAreStagedForTheTasks() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let bin = try Self.fakeSbatch(in: dir, body: "echo 7")
        let standIn = try Self.standInRunner(in: dir)
        let outcome = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", dir.url.path, "--set", "training.steps=2000",
             "--setup", "module load libyaml", "--static-runner", standIn], in: dir.url, environment: ["PATH": bin.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let stage = dir.url.appendingPathComponent("e2e/cluster")
        let runner = stage.appendingPathComponent("runner"), experiment = stage.appendingPathComponent("experiment.yaml")
        #expect(try Data(contentsOf: runner) == Data(contentsOf: URL(fileURLWithPath: standIn)))
        #expect(FileManager.default.isExecutableFile(atPath: runner.path))
        let array = try String(contentsOf: dir.url.appendingPathComponent("e2e/slurm/array.sbatch"), encoding: .utf8)
        #expect(array.contains("\nmodule load libyaml\ncd \(stage.path) || exit 1\nexec \(runner.path) run \(experiment.path) "), "\(array)")
        // The staged file is the experiment as resolved, overrides applied: it plans the same jobs.
        let original = try BinaryRunner.run(["plan", config, "--set", "training.steps=2000", "--format", "csv"], in: dir.url)
        try #require(original.status == 0, "\(original.stderr)")
        let plain = try BinaryRunner.run(["plan", config, "--format", "csv"], in: dir.url)
        try RunBinaryTests.sweep.replacingOccurrences(of: "seeds: 3", with: "seeds: 1").write(toFile: config, atomically: true, encoding: .utf8)
        let staged = try BinaryRunner.run(["plan", experiment.path, "--format", "csv"], in: dir.url)
        #expect(staged.status == 0, "\(staged.stderr)")
        #expect(staged.stdout == original.stdout)
        #expect(staged.stdout != plain.stdout)
    }

    /// A runner that loads the Swift runtime as a shared library is not staged: exit 69 and
    /// nothing submitted, whether it was named or is the running one with no swift to build.
    @Test func withoutAStaticallyLinkedRunnerNothingIsSubmitted() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let bin = try Self.fakeSbatch(in: dir, body: "echo 7")
        let named = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", dir.url.path, "--static-runner", BinaryRunner.executable.path],
            in: dir.url, environment: ["PATH": bin.path])
        #expect(named.status == 69, "\(named.stderr)")
        #expect(named.stderr.contains("loads the Swift runtime as a shared library (libswiftCore.so)"), "\(named.stderr)")
        // The test's runner is a debug build: staging would build a static one, but swift is not on PATH.
        let running = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", dir.url.path], in: dir.url, environment: ["PATH": bin.path])
        #expect(running.status == 69, "\(running.stderr)")
        #expect(running.stderr.contains("swift is not on PATH"), "\(running.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("sbatch.log").path))
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("e2e/cluster/runner").path))
    }
}
