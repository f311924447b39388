import ArgumentParser
import Experiment
import Foundation
import PolicyGradient
import Report
import Sweep

/// Runs an experiment's jobs, rebuilds its report, and prints what happened.
///
/// Shared by `run` and `check`. The report (and `finish`, e.g. the regression check) is built
/// while the results folder is still locked, from one consistent state. Exit codes: a bad
/// `--only` 64; a folder that is locked or cannot be written 1; an interrupted sweep 130.
/// Failed or diverged jobs are returned in the outcome for the command to judge.
enum SweepDriver {
    struct Outcome {
        var report: SweepReport
        var summary: ReportSummary
    }

    static func run(
        plan: ExperimentPlan, results: String, jobs: Int?, only: [String], force: Bool, progress: ProgressMode,
        finish: (Outcome) throws -> Void = { _ in }
    ) throws -> Outcome {
        let options = SweepOptions(
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, force: force, only: only,
            progress: progress, resultsRoot: URL(fileURLWithPath: results), handleSignals: true)
        let runner = SweepRunner(plan: plan, options: options, body: TrainingJob.body)
        var outcome: Outcome?
        do {
            _ = try runner.run { report in
                let summary: ReportSummary
                do {
                    summary = try Reporter().build(
                        plan: plan, resultsDirectory: runner.directory,
                        render: GnuplotRenderer.onPath() == nil ? nil : .png)
                } catch {
                    Console.error("error: the report could not be written: \(error)")
                    throw ExitStatus.failure
                }
                Self.print(report, summary, directory: runner.directory)
                if report.wasInterrupted {
                    Console.error("interrupted: finished jobs are kept; run again to resume")
                    throw ExitStatus.interrupted
                }
                outcome = Outcome(report: report, summary: summary)
                try finish(outcome!)
            }
        } catch let error as SweepError {
            Console.error("error: \(error.description)")
            switch error {
            case .malformedFilter, .unknownFilterKey, .unknownFilterValue, .invalidWorkerCount:
                throw ExitStatus.usage
            default:
                throw ExitStatus.failure
            }
        }
        return outcome!
    }

    private static func print(_ report: SweepReport, _ summary: ReportSummary, directory: URL) {
        if let shortfall = report.workerShortfall { Console.error("warning: \(shortfall)") }
        for problem in summary.renderProblems { Console.error("warning: \(problem)") }
        Console.out(summary.text)
        if !report.failures.isEmpty {
            let rows = report.failures.map {
                [$0.jobId, $0.cell, String($0.seed), $0.status.rawValue, String($0.step), $0.error ?? ""]
            }
            Console.error("\nfailed or diverged jobs:\n"
                + AlignedText.table([["job_id", "cell", "seed", "status", "step", "error"]] + rows))
        }
        Console.out("\nresults: \(directory.path)")
    }
}
