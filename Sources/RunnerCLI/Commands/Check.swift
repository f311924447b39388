import ArgumentParser
import Experiment
import Foundation
import Report
import Sweep

/// `runner check CONFIG`: the CI gate on final returns.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run (or reuse) an experiment's jobs and fail when final returns regressed.",
        discussion: """
            Compares each cell's mean final return with regression.min and with the reference \
            file regression.reference (a cell fails below reference mean - tolerance x standard \
            error; with regression.mode non_inferiority, a cell passes when the 95% CI of \
            current - reference lies above -margin, and --strict fails an inconclusive cell). \
            With --only, only the selected cells are run and checked. Writes regression.csv \
            and regression.md. Exit 0: every cell was checked and passed. Exit 1: a regression, a \
            failed job, a cell with no bound (neither regression.min nor a row in the \
            reference), a reference mean that is not a finite number, or no cell to check.
            """)

    @Argument(help: "The experiment file; it must have a `regression` section.")
    var config: String

    @OptionGroup var overrides: OverrideArguments

    @OptionGroup var sweep: SweepArguments

    @Flag(help: "Write the reference file from this run's results instead of checking.")
    var updateReference = false

    @Flag(help: "Fail when a non-inferiority check is inconclusive (too few seeds to decide).")
    var strict = false

    func validate() throws {
        if updateReference && !sweep.only.isEmpty {
            throw ValidationError("--update-reference writes every cell's reference: it cannot be combined with --only")
        }
    }

    func run() throws {
        let plan = try PlanLoading.load(config, overrides: overrides.set)
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
            plan: plan, arguments: sweep,
            progress: .lines
        ) { outcome in
            if updateReference {
                try Self.update(reference!, from: outcome)
                return
            }
            let result: RegressionResult
            do {
                result = try RegressionCheck(settings: settings, strict: strict).run(
                    summary: try selected(outcome.summary, plan: plan), reference: reference,
                    resultsDirectory: outcome.report.directory)
            } catch {
                Console.error("error: \(error)")
                throw ExitStatus.failure
            }
            Console.out(result.text)
            if !result.passed || !outcome.report.failures.isEmpty { throw ExitStatus.failure }
        }
    }

    /// The cells `--only` selected (all of them without it): the others did not run and are
    /// not judged.
    private func selected(_ summary: ReportSummary, plan: ExperimentPlan) throws -> ReportSummary {
        guard !sweep.only.isEmpty else { return summary }
        let filter = try CellFilter(sweep.only, plan: plan)
        var selected = summary
        selected.cells = summary.cells.filter { filter.matches(plan.cells[$0.index]) }
        return selected
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
