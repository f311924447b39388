import ArgumentParser
import Experiment
import Foundation
import Report
import Results

/// `runner plan CONFIG`: the jobs an experiment expands into, without running them; with
/// `--power DELTA`, the seeds each comparison needs instead (`PowerPlan`).
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the jobs of an experiment without running them, or (--power) the seeds it needs.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "The experiment file.")
    var config: String

    @OptionGroup var overrides: OverrideArguments

    @Option(help: "Output format: table, csv or json.")
    var format: Format = .table

    @OptionGroup var power: PowerArguments

    func validate() throws { try power.validateOptions() }

    func run() throws {
        let plan = try PlanLoading.load(config, overrides: overrides.set)
        if let delta = power.power {
            Console.out(try PowerPlan.render(plan: plan, delta: delta, arguments: power, format: format))
        } else {
            Console.out(Self.render(header: Self.header(plan), rows: Self.rows(plan), as: format, numeric: ["seed"]))
        }
    }

    static func header(_ plan: ExperimentPlan) -> [String] { ["job_id", "cell", "seed"] + plan.sweptKeys }

    /// The plan's jobs: job id, cell label, seed and one column per swept key.
    static func rows(_ plan: ExperimentPlan) -> [[String]] {
        plan.jobs.map { job -> [String] in
            let cell = plan.cells[job.cellIndex]
            return [job.id, cell.label, String(job.seed)] + plan.sweptValues(of: cell)
        }
    }

    /// Rows as an aligned table, CSV, or a JSON list of objects (the `numeric` columns as
    /// numbers, or null when empty).
    static func render(header: [String], rows: [[String]], as format: Format, numeric: Set<String>) -> String {
        switch format {
        case .csv:
            return CSVTable(header: header, rows: rows).text
        case .table:
            return AlignedText.table([header] + rows)
        case .json:
            // Numeric columns as JSON numbers (whole ones as integers), blanks as null.
            func jsonValue(_ key: String, _ value: String) -> Any {
                guard numeric.contains(key) else { return value }
                guard let number = Double(value) else { return NSNull() }
                return number == number.rounded() && abs(number) < 1e15 ? Int(number) : number
            }
            let objects = rows.map { row in
                Dictionary(uniqueKeysWithValues: zip(header, row).map { key, value in (key, jsonValue(key, value)) })
            }
            let data = try! JSONSerialization.data(
                withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }
}
