import ArgumentParser
import Foundation
import Experiment
import Report
import Results
import Sweep

/// `runner report RESULTS_DIR`: rebuilds the CSV summaries and plots from the job folders.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Rebuild an experiment's CSV summaries and plots.")

    @Argument(help: "An experiment's results folder (results/<experiment>).")
    var directory: String

    @Option(help: "Render the plots with gnuplot: png or svg.")
    var render: RenderFormat?

    @Flag(help: "Build the report even while other runners still run some jobs (they are left out).")
    var partial = false

    func validate() throws {
        if directory.isEmpty { throw ValidationError("the results folder must be named, not empty") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        let summary: ReportSummary
        do {
            summary = try ExitStatus.readingResultsFolder {
                // Before the claim is taken: a folder that is not a results folder gets none.
                _ = try ExperimentFolder(directory: url).savedExperiment()
                // Under the report claim, once no live runner holds a job (unless --partial).
                return try SweepRunner.withReportClaim(on: url, partial: partial) {
                    try Reporter().build(resultsDirectory: url, render: render)
                }
            }
        } catch let error as SweepError {
            if case .jobsClaimed = error {
                Console.error("error: \(error.description); wait for them, or pass --partial for a report of the finished jobs")
            } else {
                Console.error("error: \(error.description)")
            }
            throw ExitStatus.failure
        }
        ReportWarnings.print(summary)
        Console.out(summary.text)
        // The tables and the page are written; the images asked for are not.
        if summary.gnuplotMissing {
            Console.error("error: --render needs gnuplot on PATH (apt install gnuplot-nox); the tables and report.md were written")
            throw ExitStatus.failure
        }
    }
}

extension RenderFormat: ExpressibleByArgument {}
