import ArgumentParser
import Experiment
import Foundation
import PolicyGradient
import Report
import Sweep

/// Runs an experiment's jobs, rebuilds its report, and prints what happened.
///
/// Shared by `run` and `check`. Maps the sweep's outcomes to the documented exit codes:
/// a sweep that cannot start (locked folder, bad `--only`) or a job that failed or
/// diverged exits 1; an interrupted sweep exits 130.
enum SweepDriver {
    struct Outcome {
        var report: SweepReport
        var summary: ReportSummary
    }

    static func run(
        plan: ExperimentPlan, results: String, jobs: Int?, only: [String], force: Bool, progress: ProgressMode
    ) throws -> Outcome {
        let options = SweepOptions(
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, force: force, only: only,
            progress: progress, resultsRoot: URL(fileURLWithPath: results), handleSignals: true)
        let runner = SweepRunner(plan: plan, options: options, body: TrainingJob.body)
        let report: SweepReport
        do {
            report = try runner.run()
        } catch let error as SweepError {
            Console.error("error: \(error.description)")
            switch error {
            case .malformedFilter, .unknownFilterKey, .unknownFilterValue, .invalidWorkerCount:
                throw ExitStatus.usage
            default:
                throw ExitStatus.failure
            }
        }
        let summary: ReportSummary
        do {
            summary = try Reporter().build(
                plan: plan, resultsDirectory: runner.directory, render: GnuplotRenderer.onPath() == nil ? nil : .png)
        } catch {
            Console.error("error: the report could not be written: \(error)")
            throw ExitStatus.failure
        }
        for problem in summary.renderProblems { Console.error("warning: \(problem)") }
        Console.out(summary.text)
        if !report.failures.isEmpty {
            let rows = report.failures.map {
                [$0.jobId, $0.cell, String($0.seed), $0.status.rawValue, String($0.step), $0.error ?? ""]
            }
            Console.error("\nfailed or diverged jobs:\n"
                + AlignedText.table([["job_id", "cell", "seed", "status", "step", "error"]] + rows))
        }
        Console.out("\nresults: \(runner.directory.path)")
        if report.wasInterrupted {
            Console.error("interrupted: finished jobs are kept; run again to resume")
            throw ExitStatus.interrupted
        }
        return Outcome(report: report, summary: summary)
    }
}
