import ArgumentParser
import Experiment
import Foundation
import PolicyGradient
import Report
import Sweep

/// Runs an experiment's jobs, rebuilds its report, and prints what happened.
///
/// Shared by `run` and `check`. The report (and `finish`, e.g. the regression check) is built
/// under the folder's report claim, from one consistent state. Exit codes: a bad `--only` 64;
/// a folder that cannot be written, a report claimed by another runner, or jobs still run by
/// other runners when this one ends 1; an interrupted sweep 130.
/// Failed or diverged jobs are returned in the outcome for the command to judge.
enum SweepDriver {
    struct Outcome {
        var report: SweepReport
        var summary: ReportSummary
    }

    static func run(
        plan: ExperimentPlan, arguments: SweepArguments, progress: ProgressMode,
        shard: Shard? = nil, requeueOnUsr1: Bool = false, finish: (Outcome) throws -> Void = { _ in }
    ) throws -> Outcome {
        var outcome: Outcome?
        let report = try sweep(
            plan: plan, arguments: arguments, progress: progress, shard: shard,
            buildsReport: true, requeueOnUsr1: requeueOnUsr1
        ) {
            report, directory in
            printWarnings(report)
            let summary: ReportSummary
            do {
                summary = try Reporter().build(
                    plan: plan, resultsDirectory: directory,
                    render: GnuplotRenderer.onPath() == nil ? nil : .png)
            } catch {
                Console.error("error: the report could not be written: \(error)")
                throw ExitStatus.failure
            }
            Self.print(report, summary, directory: directory)
            try Self.stopIfInterrupted(report)
            outcome = Outcome(report: report, summary: summary)
            try finish(outcome!)
        }
        guard let outcome else {
            // Other runners still hold some of the jobs: the report is theirs to build.
            printWarnings(report)
            Console.out(Self.counts(report, shard: shard))
            Self.printFailures(report)
            let running = SweepError.jobsClaimed(
                directory: report.directory.path, count: report.claimedElsewhere.count, owner: report.claimOwner)
            Console.error("error: \(running.description); no report was written")
            Console.error("the last runner to finish writes it; or run later: runner report \(report.directory.path)")
            try Self.stopIfInterrupted(report)
            throw ExitStatus.failure
        }
        return outcome
    }

    /// Runs the jobs without building the report (`run --no-report`, typically one shard of
    /// several): prints what this run did and where `runner report` will find the folder.
    static func runWithoutReport(
        plan: ExperimentPlan, arguments: SweepArguments, progress: ProgressMode,
        shard: Shard?, requeueOnUsr1: Bool = false
    ) throws -> SweepReport {
        var outcome: SweepReport?
        try sweep(
            plan: plan, arguments: arguments, progress: progress, shard: shard,
            buildsReport: false, requeueOnUsr1: requeueOnUsr1
        ) { report, directory in
            printWarnings(report)
            Console.out(Self.counts(report, shard: shard))
            Self.printFailures(report)
            if !report.claimedElsewhere.isEmpty {
                Console.out("\(report.claimedElsewhere.count) left to other runners holding them"
                    + (report.claimOwner.map { " (\($0))" } ?? ""))
            }
            Console.out("\nno report written; when every shard has finished: runner report \(directory.path)")
            try Self.stopIfInterrupted(report)
            outcome = report
        }
        return outcome!
    }

    /// Runs the sweep and `whileLocked` with its report and folder; maps sweep errors to exit
    /// codes (a bad `--only` 64, anything else 1). With `requeueOnUsr1`, a sweep stopped by
    /// SIGUSR1 with jobs left requeues its SLURM job last, once every claim is released
    /// (`TaskRequeue`), whatever `whileLocked` throws.
    @discardableResult
    private static func sweep(
        plan: ExperimentPlan, arguments: SweepArguments, progress: ProgressMode,
        shard: Shard?, buildsReport: Bool, requeueOnUsr1: Bool = false,
        whileLocked: (SweepReport, URL) throws -> Void
    ) throws -> SweepReport {
        var options = SweepOptions(
            jobs: arguments.jobs ?? SweepOptions.defaultJobs, force: arguments.force,
            only: arguments.only, shard: shard, progress: progress, resultsRoot: URL(fileURLWithPath: arguments.results),
            handleSignals: true, buildsReport: buildsReport)
        options.keepCheckpoints = arguments.keepCheckpoints
        if arguments.newRun {
            let folder = try FolderAdmission.newRunFolder(plan, root: options.resultsRoot)
            options.folderName = folder.directory.lastPathComponent
            Console.out("new run: \(folder.directory.path)")
        }
        let runner = SweepRunner(plan: plan, options: options, body: TrainingJob.body)
        var finished: SweepReport?
        defer { if let finished { TaskRequeue.perform(requested: requeueOnUsr1, report: finished) } }
        do {
            let report = try runner.run { report in
                finished = report
                try whileLocked(report, runner.directory)
            }
            finished = report
            return report
        } catch let error as SweepError {
            Console.error("error: \(error.description)")
            switch error {
            case .malformedFilter, .unknownFilterKey, .unknownFilterValue, .invalidWorkerCount, .otherExperiment:
                throw ExitStatus.usage
            default:
                throw ExitStatus.failure
            }
        }
    }

    private static func stopIfInterrupted(_ report: SweepReport) throws {
        if report.wasInterrupted {
            Console.error("interrupted: finished jobs are kept; run again to resume")
            throw ExitStatus.interrupted
        }
    }

    /// `shard 1/4: 5 jobs: 3 completed, 2 already finished`.
    static func counts(_ report: SweepReport, shard: Shard?) -> String {
        let parts: [(Int, String)] = [
            (report.completed.count, "completed"), (report.skipped.count, "already finished"),
            (report.diverged.count, "diverged"), (report.failed.count, "failed"),
            (report.interrupted.count, "interrupted"), (report.notStarted.count, "not started"),
        ]
        let n = report.selected.count
        let head = (shard.map { "shard \($0): " } ?? "") + "\(n) job\(n == 1 ? "" : "s")"
        let listed = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return listed.isEmpty ? head : head + ": " + listed.joined(separator: ", ")
    }

    private static func print(_ report: SweepReport, _ summary: ReportSummary, directory: URL) {
        ReportWarnings.print(summary)
        Console.out(summary.text)
        printFailures(report)
        Console.out("\nresults: \(directory.path)")
    }

    /// The sweep's own warnings (worker shortfall, damaged files), on standard error.
    private static func printWarnings(_ report: SweepReport) {
        if case .longer(let from, let to)? = report.admission {
            Console.error("training.steps raised from \(from) to \(to): the folder becomes the \(to)-step run's")
        }
        if !report.continued.isEmpty {
            let steps = Set(report.continued.map(\.fromStep)).sorted().map(String.init).joined(separator: ", ")
            let n = report.continued.count
            Console.error("\(n) job\(n == 1 ? "" : "s") continued from \(n == 1 ? "its" : "their") shorter run's final state (step \(steps))")
        }
        if let shortfall = report.workerShortfall { Console.error("warning: \(shortfall)") }
        for warning in report.warnings { Console.error("warning: \(warning)") }
    }

    private static func printFailures(_ report: SweepReport) {
        if !report.failures.isEmpty {
            let rows = report.failures.map {
                [$0.jobId, $0.cell, String($0.seed), $0.status.rawValue, String($0.step), $0.error ?? ""]
            }
            Console.error("\nfailed or diverged jobs:\n"
                + AlignedText.table([["job_id", "cell", "seed", "status", "step", "error"]] + rows))
        }
    }
}
