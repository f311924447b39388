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
        try checkSettings(plan: plan, pilot: pilot, path: path, named: arguments.pilot != nil)
        let sides: SeedCount.Sides = arguments.oneSided ? .one : .two
        let requirements = SeedPlanner.requirements(
            plan: plan, pilot: pilot, records: folder.records(for: pilot), delta: delta, alpha: alpha, target: target,
            sides: sides)
        if format == .table {
            Console.out("seeds per cell to detect a difference of \(csvNumber(delta)) in final return "
                + "(\(sides == .two ? "two" : "one")-sided alpha = \(csvNumber(alpha)), power = \(csvNumber(target))), "
                + "pilot: \(path); at the ends of sigma's 95% interval: seeds_lo, seeds_hi\n")
        }
        let header = [
            "comparison", "cell_a", "cell_b", "design", "pilot_n", "sigma", "sigma_ci_low", "sigma_ci_high", "seeds",
            "seeds_lo", "seeds_hi", "note",
        ]
        let rows = requirements.map { r -> [String] in
            let design: String = r.design.map { $0 == .paired ? "paired" : "independent" } ?? ""
            let number = { (x: Double) in format == .table ? ReportSummary.format(x) : csvNumber(x) }
            let count = { (n: Int?) in n.map(String.init) ?? (format == .table ? "-" : "") }
            return [
                r.axis, r.labelA, r.labelB, design, String(r.pilotN), number(r.sigma), number(r.sigmaInterval.low),
                number(r.sigmaInterval.high), count(r.seeds), count(r.seedsAtSigmaLow), count(r.seedsAtSigmaHigh),
                r.note ?? "",
            ]
        }
        return Plan.render(
            header: header, rows: rows, as: format,
            numeric: ["pilot_n", "sigma", "sigma_ci_low", "sigma_ci_high", "seeds", "seeds_lo", "seeds_hi"])
    }

    /// Checks that the pilot's cells ran this file's settings (cells of the same names): their
    /// spread of final returns need not be this experiment's otherwise (a shorter budget, say).
    /// The default pilot must match (a usage error names what differs); one named with
    /// `--pilot` is used with a warning.
    private static func checkSettings(plan: ExperimentPlan, pilot: ExperimentPlan, path: String, named: Bool) throws {
        let differences = plan.settingDifferences(from: pilot)
        guard let first = differences.first else { return }
        let paths = differences.map(\.path).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let cells = Set(differences.map(\.cell)).count
        let what = "the pilot \(path) ran other settings than this file in \(cells) cell\(cells == 1 ? "" : "s"): "
            + paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? ", ..." : "")
            + " (cell \(first.cell): \(first.path) is \(first.here) here, \(first.there) there)"
        guard named else {
            Console.error("error: \(what); name a pilot of these settings, or this one, with --pilot")
            throw ExitStatus.usage
        }
        Console.error("warning: \(what); its spread of final returns may not be this experiment's")
    }
}
