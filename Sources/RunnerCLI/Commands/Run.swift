import ArgumentParser
import Sweep

/// `runner [run] CONFIG`: runs every job of an experiment and writes its report.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every job of an experiment and write its report.",
        discussion: """
            Finished jobs are kept: run again to resume an interrupted sweep. Results go to \
            RESULTS/<experiment>/; see the README for the tour.
            """)

    @Argument(help: "The experiment file.")
    var config: String

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int?

    @Option(name: .customLong("only"), help: "Run only the cells where KEY=VALUE (repeatable).")
    var only: [String] = []

    @Flag(help: "Rerun jobs that already have results.")
    var force = false

    @Option(help: "The output root.")
    var results: String = "results"

    @Flag(help: "No live progress bar: one line per finished job.")
    var noProgress = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let plan = try PlanLoading.load(config)
        _ = try SweepDriver.run(
            plan: plan, results: results, jobs: jobs, only: only, force: force,
            progress: noProgress ? .lines : .auto
        ) { outcome in
            if !outcome.report.failures.isEmpty { throw ExitStatus.failure }
        }
    }
}
