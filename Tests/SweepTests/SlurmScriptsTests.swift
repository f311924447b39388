import Foundation
import Testing

@testable import Sweep

/// The batch scripts and sbatch command lines of `runner submit slurm`, checked by running the
/// generated text with `/bin/sh` where quoting matters.
@Suite struct SlurmScriptsTests {
    /// Paths with spaces, both quote kinds, `$`, backquotes and a newline.
    static let awkward = "it's a \"test\" $HOME `id`\nfolder"

    static func settings(in folder: URL, tasks: Int = 3) -> ClusterSettings {
        ClusterSettings(
            config: folder.path + "/exp's.yaml", resultsRoot: folder.path + "/\(awkward)/out \"dir\"",
            experiment: "e2e", tasks: tasks, parallel: 2, partition: "debug", time: "1:00:00", cpusPerTask: 2,
            memory: "4G", overrides: ["training.steps=100", "experiment=x y'z"],
            extraArguments: ["--account=rl", "--qos=low"], setup: ["echo \"setup $SLURM_ARRAY_TASK_ID\"", "X=1; export X"])
    }

    /// Runs `script` with `/bin/sh` and the environment `environment`; returns what it printed.
    static func runShell(_ script: String, environment: [String: String]) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func quotedWordsReachTheProgramAsTyped() throws {
        let words = ["plain", "with space", "it's", "\"double\"", "$HOME", "`id`", "a\nb", "", "*", "x;y&z|w", "é"]
        let script = "for a in " + ShellQuote.line(words) + "; do printf '[%s]' \"$a\"; done"
        let result = try Self.runShell(script, environment: ["HOME": "/nowhere"])
        #expect(result.status == 0)
        #expect(result.out == words.map { "[\($0)]" }.joined())
        #expect(ShellQuote.word("results/a-b_c.yaml") == "results/a-b_c.yaml")
    }

    /// The array script, run by `/bin/sh` with a stand-in for the staged runner that prints
    /// its arguments, runs the setup lines first, starts in the staging folder, runs the staged
    /// runner on the staged experiment and passes every path and override unchanged.
    @Test func theArrayScriptRunsItsShardWithEveryPathIntact() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-scripts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let s = Self.settings(in: folder)
        try FileManager.default.createDirectory(atPath: s.stageDirectory, withIntermediateDirectories: true)
        let stub = "#!/bin/sh\necho \"X=$X\"\npwd\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\n"
        try stub.write(toFile: s.stagedRunner, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: s.stagedRunner)
        #expect(s.stagedRunner == s.resultsRoot + "/e2e/cluster/runner")
        #expect(s.stagedExperiment == s.resultsRoot + "/e2e/cluster/experiment.yaml")

        let array = try Self.runShell(
            SlurmScripts.arrayScript(s), environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_CPUS_PER_TASK": "2", "HOME": "/h"])
        #expect(array.status == 0)
        let expected = [
            "run", s.stagedExperiment, "--results", s.resultsRoot, "--shard", "2/3", "--jobs", "2", "--shard-by", "cost",
            "--no-report", "--no-progress", "--requeue-on-usr1", "--set", "training.steps=100", "--set", "experiment=x y'z",
        ]
        #expect(array.out == "setup 2\nX=1\n" + s.stageDirectory + "\n" + expected.map { "<\($0)>\n" }.joined())

        // Without --cpus-per-task SLURM sets no SLURM_CPUS_PER_TASK: one worker.
        let single = try Self.runShell(SlurmScripts.arrayScript(s), environment: ["SLURM_ARRAY_TASK_ID": "0"])
        #expect(single.out.contains("<0/3>\n<--jobs>\n<1>\n"))

        let report = try Self.runShell(SlurmScripts.reportScript(s), environment: [:])
        #expect(report.out == "setup \nX=1\n" + s.stageDirectory + "\n<report>\n<\(s.experimentDirectory)>\n")
    }

    /// The setup lines stand as written, after the directives and before the runner.
    @Test func setupLinesAreThePreambleAsWritten() {
        let s = Self.settings(in: URL(fileURLWithPath: "/r"))
        for script in [SlurmScripts.arrayScript(s), SlurmScripts.reportScript(s)] {
            let lines = script.split(separator: "\n").map(String.init)
            let setup = lines.firstIndex(of: "echo \"setup $SLURM_ARRAY_TASK_ID\"")
            #expect(setup != nil && lines[setup! + 1] == "X=1; export X", "\(script)")
            #expect(setup! > lines.lastIndex { $0.hasPrefix("#SBATCH") }!)
            #expect(setup! < lines.firstIndex { $0.hasPrefix("exec ") }!)
        }
    }

    @Test func resourceRequestsAreSbatchDirectives() {
        var s = Self.settings(in: URL(fileURLWithPath: "/r"))
        let array = SlurmScripts.arrayScript(s)
        #expect(array.hasPrefix("#!/bin/sh\n#SBATCH --job-name=e2e\n"))
        for line in ["#SBATCH --partition=debug", "#SBATCH --time=1:00:00", "#SBATCH --cpus-per-task=2", "#SBATCH --mem=4G"] {
            #expect(array.contains(line + "\n"), "\(line)")
        }
        // The report job is one process: no CPU request of the array's size.
        #expect(!SlurmScripts.reportScript(s).contains("--cpus-per-task"))
        s.partition = nil; s.time = nil; s.cpusPerTask = nil; s.memory = nil; s.experiment = "a b/c"
        let bare = SlurmScripts.arrayScript(s)
        #expect(bare.components(separatedBy: "#SBATCH").count == 2)
        #expect(bare.contains("#SBATCH --job-name=a_b_c\n"))
    }

    @Test func submissionsCarryTheArrayThrottleRequeueSignalAndDependency() {
        let s = Self.settings(in: URL(fileURLWithPath: "/r"), tasks: 5)
        #expect(SlurmScripts.arraySubmission(s, script: "/r/a b.sbatch") == [
            "--parsable", "--array=0-4%2", "--requeue", "--signal=B:USR1@60",
            "--output=\(s.resultsRoot)/e2e/slurm/array-%A_%a.out", "--open-mode=append", "--account=rl", "--qos=low",
            "/r/a b.sbatch",
        ])
        #expect(SlurmScripts.reportSubmission(s, arrayJobId: "17", script: "/r/report.sbatch") == [
            "--parsable", "--dependency=afterany:17", "--output=\(s.resultsRoot)/e2e/slurm/report-%j.out",
            "--account=rl", "--qos=low", "/r/report.sbatch",
        ])
        var unthrottled = s
        unthrottled.parallel = nil
        #expect(SlurmScripts.arraySubmission(unthrottled, script: "x")[1] == "--array=0-4")
    }

    @Test func theArraySizeDefaultsToSeveralJobsPerTaskAndStaysWithinTheLimits() {
        #expect(ClusterSettings.jobsPerTask == 4)
        #expect(ClusterSettings.taskCount(requested: nil, jobs: 16, maxArraySize: nil) == 4)
        #expect(ClusterSettings.taskCount(requested: nil, jobs: 17, maxArraySize: nil) == 5)
        #expect(ClusterSettings.taskCount(requested: nil, jobs: 3, maxArraySize: nil) == 1)
        #expect(ClusterSettings.taskCount(requested: nil, jobs: 4800, maxArraySize: nil) == 1000)
        #expect(ClusterSettings.taskCount(requested: nil, jobs: 4800, maxArraySize: 501) == 501)
        #expect(ClusterSettings.taskCount(requested: 4, jobs: 16, maxArraySize: 1001) == 4)
        #expect(ClusterSettings.taskCount(requested: 16, jobs: 16, maxArraySize: nil) == 16)
        #expect(ClusterSettings.taskCount(requested: 40, jobs: 16, maxArraySize: nil) == 16)
        #expect(ClusterSettings.taskCount(requested: 2000, jobs: 4800, maxArraySize: 1001) == 1001)
        #expect(ClusterSettings.taskCount(requested: nil, jobs: 0, maxArraySize: nil) == 1)
    }

    @Test func directiveValuesMustBeSingleWords() {
        var s = Self.settings(in: URL(fileURLWithPath: "/r"))
        #expect(SlurmScripts.problems(s).isEmpty)
        s.partition = "gpu queue"
        s.memory = "4\"G"
        #expect(SlurmScripts.problems(s) == [
            "--partition expects one word without spaces or quotes, got 'gpu queue'",
            "--mem expects one word without spaces or quotes, got '4\"G'",
        ])
    }
}
