import ArgumentParser
import Results

/// The options `run` and `check` share: where results go, how many workers, which cells,
/// whether stored results are reused, and whether checkpoints are kept.
struct SweepArguments: ParsableArguments {
    /// `parsing: .unconditional` so that `--jobs -1` reads -1 as the value and is refused
    /// for being below 1, rather than read as an unknown flag.
    @Option(parsing: .unconditional, help: "Worker threads (default: the number of cores).")
    var jobs: Int?

    @Option(help: "The output root.")
    var results: String = ExperimentFolder.defaultRoot

    @Option(name: .customLong("only"), help: "Run only the cells where KEY=VALUE: a swept key or any setting's dotted path (repeatable).")
    var only: [String] = []

    @Flag(help: "Rerun jobs that already have results (job ids hash the configuration, not the code).")
    var force = false

    @Flag(help: "Keep each job's checkpoint when it completes (removed by default).")
    var keepCheckpoints = false

    @Flag(name: .customLong("new-run"), help: ArgumentHelp(
        "Write into the next free <experiment>-2, -3, ... folder instead of <experiment>.",
        discussion: """
            A results folder holds one experiment: a file whose resolved experiment differs from \
            the folder's (other than by a larger training.steps, which continues it) is refused. \
            --new-run takes the first <experiment>-N folder (N = 2, 3, ...) that is absent or \
            holds this very experiment, so the same command resumes it.
            """))
    var newRun = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if results.isEmpty { throw ValidationError("--results must name a folder, not be empty") }
    }
}
