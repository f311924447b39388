import Experiment
import Foundation
import PolicyGradient
import Report
import Results

/// `runner plan --power`: reads the pilot results folder and prints the seeds per comparison.
enum PowerPlan {
    static func render(plan: ExperimentPlan, delta: Double, arguments: PowerArguments, format: Plan.Format) throws -> String {
        let alpha = arguments.alpha ?? 0.05
        let target = arguments.powerTarget ?? 0.8
        let folder = arguments.pilot.map { ExperimentFolder(directory: URL(fileURLWithPath: $0)) }
            ?? ExperimentFolder(root: URL(fileURLWithPath: ExperimentFolder.defaultRoot), experiment: plan.name)
        let path = arguments.pilot ?? ExperimentFolder.defaultRoot + "/" + plan.name
        let pilot = try ExitStatus.readingResultsFolder(
            hint: ": no pilot results (run the experiment first, or name a results folder with --pilot)"
        ) { try ExperimentLoader().load(path: folder.savedExperiment().path) }
        let requirements = SeedPlanner.requirements(
            plan: plan, pilot: pilot, records: folder.records(for: pilot), delta: delta, alpha: alpha, target: target)
        if format == .table {
            Console.out("seeds per cell to detect a difference of \(csvNumber(delta)) in final return "
                + "(two-sided alpha = \(csvNumber(alpha)), power = \(csvNumber(target))), pilot: \(path)\n")
        }
        let header = ["comparison", "cell_a", "cell_b", "design", "pilot_n", "sigma", "seeds", "note"]
        let rows = requirements.map { r -> [String] in
            let design: String = r.design.map { $0 == .paired ? "paired" : "independent" } ?? ""
            let sigma: String = format == .table ? ReportSummary.format(r.sigma) : csvNumber(r.sigma)
            let seeds: String = r.seeds.map(String.init) ?? (format == .table ? "-" : "")
            return [r.axis, r.labelA, r.labelB, design, String(r.pilotN), sigma, seeds, r.note ?? ""]
        }
        return Plan.render(header: header, rows: rows, as: format, numeric: ["pilot_n", "sigma", "seeds"])
    }
}
