import ArgumentParser
import Foundation
import Results
import Sweep

/// `runner submit slurm CONFIG`: a SLURM job array whose task i runs shard i/N of the jobs,
/// then a report job once the array has ended.
struct SubmitSlurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Submit an experiment to SLURM as a job array and a report job.",
        discussion: """
            Writes RESULTS/<experiment>/slurm/array.sbatch and report.sbatch, submits the array \
            (task i runs `runner run CONFIG --shard i/N --no-report`) with sbatch --parsable \
            --array=0-(N-1)%K --requeue --signal=B:USR1@\(SlurmScripts.signalGrace) \
            --open-mode=append (a requeued task's output keeps every start's), then the \
            report job with --dependency=afterany:<array id>, records both ids in \
            slurm/submissions.json and prints them. The results folder must be on a file system \
            every node shares. Exit 1 when sbatch is not on PATH or refuses; with --wait, the \
            exit status of the report job (1 if an array task failed).
            """)

    @Argument(help: "The experiment file.")
    var config: String

    @OptionGroup var overrides: OverrideArguments

    @Option(help: "The output root (on a shared file system).")
    var results: String = ExperimentFolder.defaultRoot

    @Option(help: "Array size N (default: min(jobs, 1000), at most MaxArraySize).")
    var tasks: Int?

    @Option(help: "At most K array tasks at once (the %K throttle).")
    var parallel: Int?

    @Option(help: "The SLURM partition.")
    var partition: String?

    @Option(help: "Time limit of each task (SLURM format, e.g. 2:00:00).")
    var time: String?

    @Option(help: "CPUs of each array task (its worker threads).")
    var cpusPerTask: Int?

    @Option(help: "Memory of each task (SLURM format, e.g. 4G).")
    var mem: String?

    @Option(name: .customLong("sbatch-arg"), parsing: .unconditionalSingleValue,
            help: "An extra argument for sbatch, as in --sbatch-arg --account=rl (repeatable).")
    var sbatchArg: [String] = []

    @Flag(help: "Write and print the scripts; submit nothing.")
    var dryRun = false

    @Flag(help: "Wait until the array and the report job have ended; exit with the sweep's status.")
    var wait = false

    func validate() throws {
        if let tasks, tasks < 1 { throw ValidationError("--tasks must be at least 1") }
        if let parallel, parallel < 1 { throw ValidationError("--parallel must be at least 1") }
        if let cpusPerTask, cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be at least 1") }
        if results.isEmpty { throw ValidationError("--results must name a folder, not be empty") }
        if dryRun && wait { throw ValidationError("--dry-run submits nothing, so there is nothing to --wait for") }
    }

    func run() throws {
        let plan = try PlanLoading.load(config, overrides: overrides.set)
        let backend = SlurmBackend()
        if !dryRun, let missing = backend.unavailable() {
            Console.error("error: \(missing)")
            throw ExitStatus.failure
        }
        let maxArraySize = backend.maxArraySize()
        let jobCount = Set(plan.jobs.map(\.id)).count
        let count = ClusterSettings.taskCount(requested: tasks, jobs: jobCount, maxArraySize: maxArraySize)
        if let tasks, count < tasks {
            Console.error("warning: --tasks \(tasks) lowered to \(count) (\(jobCount) jobs"
                + (maxArraySize.map { ", MaxArraySize \($0)" } ?? "") + ")")
        }
        let settings = ClusterSettings(
            runner: Self.runnerPath, config: Self.absolute(config), resultsRoot: Self.absolute(results),
            experiment: plan.name, workingDirectory: FileManager.default.currentDirectoryPath, tasks: count,
            parallel: parallel, partition: partition, time: time, cpusPerTask: cpusPerTask, memory: mem,
            overrides: overrides.set, extraArguments: sbatchArg)
        if let problem = backend.problems(settings).first { throw ValidationError(problem) }
        let submitter = ClusterSubmitter(backend: backend, settings: settings)
        let scripts = try submitter.writeScripts()
        if dryRun {
            submitter.printDryRun(scripts)
            return
        }
        let submission = try submitter.submit(scripts)
        if wait { try submitter.wait(for: submission) }
    }

    /// The executable that is running, so the tasks run the same build.
    static var runnerPath: String {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: absolute(CommandLine.arguments[0])))
            .resolvingSymlinksInPath().path
    }

    /// `path` made absolute from the current folder (the tasks may start elsewhere).
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
