import ArgumentParser
import Foundation
import Experiment
import Report

/// `runner report RESULTS_DIR`: rebuilds the CSV summaries and plots from the job folders.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Rebuild an experiment's CSV summaries and plots.")

    @Argument(help: "An experiment's results folder (results/<experiment>).")
    var directory: String

    @Option(help: "Render the plots with gnuplot: png or svg.")
    var render: RenderFormat?

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("experiment.yaml").path) else {
            Console.error("error: \(directory) holds no experiment.yaml: not a results folder")
            throw ExitStatus.invalidConfig
        }
        let summary: ReportSummary
        do {
            summary = try Reporter().build(resultsDirectory: url, render: render)
        } catch let error as ConfigurationError {
            Console.error(error.description)
            throw ExitStatus.invalidConfig
        }
        if render != nil && GnuplotRenderer.onPath() == nil {
            Console.error("warning: gnuplot is not installed; the scripts are written but not rendered")
        }
        for problem in summary.renderProblems { Console.error("warning: \(problem)") }
        Console.out(summary.text)
    }
}

extension RenderFormat: ExpressibleByArgument {}
