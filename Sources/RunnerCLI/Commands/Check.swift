import ArgumentParser
import Foundation
import Report

/// `runner check CONFIG`: the CI gate on final returns.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run (or reuse) an experiment's jobs and fail when final returns regressed.",
        discussion: """
            Compares each cell's mean final return with regression.min and with the reference \
            file regression.reference (a cell fails below reference mean - tolerance x standard \
            error). Writes regression.csv. Exit 0: no regression; 1: a regression or a failed job.
            """)

    @Argument(help: "The experiment file; it must have a `regression` section.")
    var config: String

    @Option(help: "The output root.")
    var results: String = "results"

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Write the reference file from this run's results instead of checking.")
    var updateReference = false

    @Flag(help: "Rerun every job instead of reusing stored results (job ids hash the configuration, not the code).")
    var force = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let plan = try PlanLoading.load(config)
        guard let settings = plan.regression else {
            Console.error("error: \(config) has no `regression` section")
            throw ExitStatus.invalidConfig
        }
        let reference = RegressionCheck.referenceURL(settings: settings, experimentFile: URL(fileURLWithPath: config))
        if updateReference && reference == nil {
            Console.error("error: regression.reference names no file to update")
            throw ExitStatus.invalidConfig
        }
        _ = try SweepDriver.run(
            plan: plan, results: results, jobs: jobs, only: [], force: force, progress: .lines
        ) { outcome in
            if updateReference {
                try Self.update(reference!, from: outcome)
                return
            }
            let result: RegressionResult
            do {
                result = try RegressionCheck(settings: settings).run(
                    summary: outcome.summary, reference: reference, resultsDirectory: outcome.report.directory)
            } catch {
                Console.error("error: \(error)")
                throw ExitStatus.failure
            }
            Console.out(result.text)
            if !result.passed || !outcome.report.failures.isEmpty { throw ExitStatus.failure }
        }
    }

    /// Writes the reference, refusing when a job failed or diverged or a cell has no result:
    /// a reference must hold every cell.
    private static func update(_ reference: URL, from outcome: SweepDriver.Outcome) throws {
        let empty = outcome.summary.cells.filter { $0.n == 0 }.map(\.label)
        guard outcome.report.failures.isEmpty && empty.isEmpty else {
            Console.error("error: the reference was not written: "
                + (empty.isEmpty ? "a job failed or diverged" : "no completed job in \(empty.joined(separator: "; "))"))
            throw ExitStatus.failure
        }
        try RegressionCheck.updateReference(from: outcome.summary, at: reference)
        Console.out("reference written: \(reference.path)")
    }
}
