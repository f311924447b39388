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
            Stages into RESULTS/<experiment>/cluster/ a runner with the Swift runtime linked \
            statically (this one when it is, else --static-runner, else one built by `swift \
            build -c release --static-swift-stdlib` in the package this runner was built in, as \
            `make static` does) and the experiment as resolved, so that the nodes need no Swift \
            toolchain and no checkout. Writes RESULTS/<experiment>/slurm/array.sbatch and \
            report.sbatch, which run only those staged files after the --setup lines, submits \
            the array (task i runs `runner run --shard i/N --shard-by cost --no-report`) with \
            sbatch --parsable --array=0-(N-1)%K --requeue --signal=B:USR1@\(SlurmScripts.signalGrace) \
            --open-mode=append (a requeued task's output keeps every start's), then the \
            report job with --dependency=afterany:<array id>, records both ids in \
            slurm/submissions.json and prints them. The results folder must be on a file system \
            every node shares. Exit 1 when sbatch is not on PATH or refuses; \
            \(ExitStatus.noStaticRunner.rawValue) when no statically linked runner can be staged; with \
            --wait, the exit status of the report job (1 if an array task failed).
            """)

    @Argument(help: "The experiment file.")
    var config: String

    @OptionGroup var overrides: OverrideArguments

    @Option(help: "The output root (on a shared file system).")
    var results: String = ExperimentFolder.defaultRoot

    @Option(help: "Array size N (default: ceil(jobs / \(ClusterSettings.jobsPerTask)), at most 1000 and MaxArraySize).")
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

    @Option(name: .customLong("setup"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "A shell line run before the runner in every script, as written (repeatable).",
        discussion: "For example --setup 'module load libyaml' or --setup 'export TMPDIR=/scratch'."))
    var setup: [String] = []

    @Option(name: .customLong("static-runner"), help: ArgumentHelp(
        "The statically linked runner to stage (default: this one when it is, else a fresh build).",
        valueName: "path"))
    var staticRunner: String?

    @Flag(help: "Write and print the scripts; stage and submit nothing.")
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
            config: Self.absolute(config), resultsRoot: Self.absolute(results), experiment: plan.name, tasks: count,
            parallel: parallel, partition: partition, time: time, cpusPerTask: cpusPerTask, memory: mem,
            overrides: overrides.set, extraArguments: sbatchArg, setup: setup)
        if let problem = backend.problems(settings).first { throw ValidationError(problem) }
        // The tasks will write into the folder: it must hold this experiment or none (or a shorter run of it).
        do {
            _ = try FolderAdmission.check(
                plan, folder: ExperimentFolder(root: URL(fileURLWithPath: Self.absolute(results)), experiment: plan.name))
        } catch let error as SweepError {
            Console.error("error: \(error.description(offeringNewRun: false))")
            if case .otherExperiment = error { throw ExitStatus.usage }
            throw ExitStatus.failure
        }
        let submitter = ClusterSubmitter(backend: backend, settings: settings)
        if !dryRun { try stage(plan.resolvedText, settings: settings) }
        let scripts = try submitter.writeScripts()
        if dryRun {
            submitter.printDryRun(scripts)
            return
        }
        let submission = try submitter.submit(scripts)
        if wait { try submitter.wait(for: submission) }
    }

    /// Copies a statically linked runner and the resolved experiment into the experiment's
    /// `cluster/` folder; exit `noStaticRunner` when there is no such runner, 1 when the copies
    /// cannot be written.
    private func stage(_ experiment: String, settings: ClusterSettings) throws {
        let runner: URL
        do {
            runner = try StagedRunner.find(
                given: staticRunner.map { URL(fileURLWithPath: Self.absolute($0)) },
                running: URL(fileURLWithPath: Self.runnerPath))
        } catch let error as StagedRunner.Unavailable {
            Console.error("error: \(error)")
            throw ExitStatus.noStaticRunner
        } catch {
            Console.error("error: no statically linked runner to stage: \(error)")
            throw ExitStatus.noStaticRunner
        }
        do {
            try StagedRunner.stage(
                runner: runner, experiment: experiment, in: URL(fileURLWithPath: settings.stageDirectory, isDirectory: true))
        } catch {
            Console.error("error: the runner and the experiment could not be staged in \(settings.stageDirectory): \(error)")
            throw ExitStatus.failure
        }
        Console.out("staged \(settings.stagedRunner) (from \(runner.path)) and \(settings.stagedExperiment)")
    }

    /// The executable that is running.
    static var runnerPath: String {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: absolute(CommandLine.arguments[0])))
            .resolvingSymlinksInPath().path
    }

    /// `path` made absolute from the current folder (the tasks may start elsewhere).
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
