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

    @OptionGroup var overrides: OverrideArguments

    @OptionGroup var sweep: SweepArguments

    @Flag(help: "No live progress bar: one line per finished job.")
    var noProgress = false

    func run() throws {
        let plan = try PlanLoading.load(config, overrides: overrides.set)
        _ = try SweepDriver.run(
            plan: plan, results: sweep.results, jobs: sweep.jobs, only: sweep.only, force: sweep.force,
            progress: noProgress ? .lines : .auto
        ) { outcome in
            if !outcome.report.failures.isEmpty { throw ExitStatus.failure }
        }
    }
}
