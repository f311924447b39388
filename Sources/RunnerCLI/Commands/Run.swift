import ArgumentParser
import Sweep

/// `runner [run] CONFIG`: runs every job of an experiment and writes its report.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every job of an experiment and write its report.",
        discussion: """
            Finished jobs are kept: run again to resume an interrupted sweep (unfinished jobs \
            continue from their latest checkpoint). Results go to \
            RESULTS/<experiment>/; see the README for the tour. With --shard I/N several runners \
            share the jobs (the selected jobs sorted by id, every N-th from the I-th); with \
            --no-report a runner leaves the summaries to `runner report`. A results folder holds \
            one experiment: a larger training.steps continues its jobs from where they ended; \
            any other change is refused (use --results or --new-run).
            """)

    @Argument(help: "The experiment file.")
    var config: String

    @OptionGroup var overrides: OverrideArguments

    @OptionGroup var sweep: SweepArguments

    @Flag(help: "No live progress bar: one line per finished job.")
    var noProgress = false

    /// `parsing: .unconditional` so that `--shard -1/3` is refused as a shard, not read as a flag.
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Run only part I of N of the jobs (0 <= I < N): the selected jobs sorted by id, every N-th from the I-th.",
        valueName: "I/N"))
    var shard: String?

    @Option(name: .customLong("shard-by"), help: ArgumentHelp(
        "How --shard shares the jobs: position (every N-th by id) or cost (balanced by estimated cost).",
        discussion: """
            cost: the jobs, longest first by their estimated cost (training steps times the \
            work of a step, docs/cluster.md), each go to the shard with the least cost so far; \
            what `runner submit slurm`'s tasks run.
            """))
    var shardBy: Shard.Rule = .position

    @Flag(help: "Do not build the summaries and plots (run `runner report` once every shard is done).")
    var noReport = false

    @Flag(name: .customLong("requeue-on-usr1"), help: ArgumentHelp(
        "When SIGUSR1 stops the run with jobs left, requeue this SLURM job once every checkpoint is written.",
        discussion: """
            SIGUSR1 is SLURM's warning before the time limit (`runner submit slurm` passes this \
            option): `scontrol requeue` puts the task back in the queue, to resume its jobs from \
            their checkpoints. SIGTERM and SIGINT never requeue. When scontrol is missing or \
            refuses, its message is printed; the exit status is 130 either way.
            """))
    var requeueOnUsr1 = false

    func validate() throws {
        if let shard, Shard(shard) == nil {
            throw ValidationError(
                "--shard expects I/N, two whole numbers with 0 <= I < N (as in 0/4), got '\(shard)'")
        }
        if shard == nil && shardBy != .position { throw ValidationError("--shard-by needs --shard I/N") }
    }

    /// `--shard` with `--shard-by`'s rule.
    var chosenShard: Shard? {
        guard var chosen = shard.flatMap(Shard.init) else { return nil }
        chosen.rule = shardBy
        return chosen
    }

    func run() throws {
        let plan = try PlanLoading.load(config, overrides: overrides.set)
        let progress: ProgressMode = noProgress ? .lines : .auto
        if noReport {
            let report = try SweepDriver.runWithoutReport(
                plan: plan, arguments: sweep,
                progress: progress, shard: chosenShard, requeueOnUsr1: requeueOnUsr1)
            if !report.failures.isEmpty { throw ExitStatus.failure }
            return
        }
        _ = try SweepDriver.run(
            plan: plan, arguments: sweep,
            progress: progress, shard: chosenShard, requeueOnUsr1: requeueOnUsr1
        ) { outcome in
            if !outcome.report.failures.isEmpty { throw ExitStatus.failure }
        }
    }
}

extension Shard.Rule: ExpressibleByArgument {}
