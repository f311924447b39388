import ArgumentParser
import Experiment
import Foundation
import Report
import Results

/// `runner plan CONFIG`: the jobs an experiment expands into, without running them.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the jobs of an experiment without running them.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "The experiment file.")
    var config: String

    @OptionGroup var overrides: OverrideArguments

    @Option(help: "Output format: table, csv or json.")
    var format: Format = .table

    func run() throws {
        let plan = try PlanLoading.load(config, overrides: overrides.set)
        Console.out(Self.render(plan, as: format))
    }

    /// The plan's jobs: job id, cell label, seed and one column per swept key.
    static func render(_ plan: ExperimentPlan, as format: Format) -> String {
        let header = ["job_id", "cell", "seed"] + plan.sweptKeys
        let rows = plan.jobs.map { job -> [String] in
            let cell = plan.cells[job.cellIndex]
            return [job.id, cell.label, String(job.seed)] + plan.sweptValues(of: cell)
        }
        switch format {
        case .csv:
            return CSVTable(header: header, rows: rows).text
        case .table:
            return AlignedText.table([header] + rows)
        case .json:
            let objects = rows.map { row in
                Dictionary(uniqueKeysWithValues: zip(header, row).map { key, value in
                    (key, key == "seed" ? Int(value)! as Any : value as Any)
                })
            }
            let data = try! JSONSerialization.data(
                withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }
}
