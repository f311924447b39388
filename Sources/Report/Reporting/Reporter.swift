import Experiment
import Foundation
import PolicyGradient
import Results

/// Aggregates a results folder into tidy CSVs, gnuplot scripts and (optionally) images.
///
/// Reads `jobs/<job_id>/{result.json,curve.csv,variance.csv}` for every job of the plan and
/// writes, into the results folder, `jobs.csv`, `curves.csv`, `curves_summary.csv`,
/// `summary.csv`, `variance.csv`, `variance_summary.csv`, `comparisons.csv`, `report.md` and `plots/` (docs/architecture.md, "The results folder").
/// Every file is written atomically (`AtomicFile`). The CSVs and scripts are a pure function
/// of the plan and the job files: the same inputs give byte-identical outputs. A job whose
/// files do not match its `result.json` is left out as damaged (`ReportSummary.damaged`).
/// `plots/` and `plots/data/` must be real folders (never followed when links). Plot files
/// with no data are not written, stale ones from an earlier report are removed, and so are
/// earlier images (PNG and SVG) of every plot, to be rendered afresh when asked.
package struct Reporter: Sendable {
    package var aggregator: Aggregator

    package init(aggregator: Aggregator = Aggregator()) {
        self.aggregator = aggregator
    }

    /// Loads `<resultsDirectory>/experiment.yaml` and builds its report; throws
    /// `NotAResultsFolder` when there is none.
    package func build(resultsDirectory: URL, render: RenderFormat?) throws -> ReportSummary {
        let plan = try ExperimentLoader().load(path: ExperimentFolder(directory: resultsDirectory).savedExperiment().path)
        return try build(plan: plan, resultsDirectory: resultsDirectory, render: render)
    }

    /// Builds the report of `plan` from the job files under `resultsDirectory`.
    ///
    /// With `render` set and `gnuplot` on `PATH` (or given as `renderer`), every script is
    /// rendered to `plots/<name>.<format>`; render failures land in
    /// `ReportSummary.renderProblems` and do not throw.
    package func build(
        plan: ExperimentPlan, resultsDirectory: URL, render: RenderFormat?,
        renderer: GnuplotRenderer? = GnuplotRenderer.onPath()
    ) throws -> ReportSummary {
        let records = ExperimentFolder(directory: resultsDirectory).records(for: plan)
        let cells = aggregator.summarize(plan: plan, records: records)
        var summary = ReportSummary(experiment: plan.name, sweptKeys: plan.sweptKeys, cells: cells)
        summary.damaged = records.compactMap { record in record.damage.map { (record.id, $0) } }
        summary.unverified = records.filter(\.unverified).map(\.id)
        let comparisons = Comparer().compare(plan: plan, records: records)
        summary.inconclusiveComparisons = comparisons
            .filter { $0.metric == .finalReturn && $0.test != nil && $0.verdict == .inconclusive }
            .map { c in
                "\(c.labelA) vs \(c.labelB): \(MarkdownText.signed(c.meanDifference)) "
                    + "[CI \(ReportSummary.format(c.differenceInterval.low)), \(ReportSummary.format(c.differenceInterval.high))], "
                    + "p (Holm) = \(ReportPage.pValue(c.pHolm)), " + ReportPage.seedCount(c)
            }
        let aggregates = EnvironmentAggregation.aggregates(plan: plan, cells: cells, bootstrap: aggregator.bootstrap)

        let tables: [(String, CSVTable)] = [
            ("jobs.csv", ReportTables.jobs(plan: plan, records: records)),
            ("curves.csv", ReportTables.curves(plan: plan, records: records)),
            ("curves_summary.csv", ReportTables.curvesSummary(plan: plan, cells: cells)),
            ("summary.csv", ReportTables.summary(plan: plan, cells: cells)),
            ("variance.csv", ReportTables.variance(plan: plan, records: records)),
            ("variance_summary.csv", ReportTables.varianceSummary(plan: plan, cells: cells)),
            ("comparisons.csv", ReportTables.comparisons(comparisons)),
        ]
        for (name, table) in tables {
            try AtomicFile.write(table.text, to: resultsDirectory.appendingPathComponent(name))
            summary.files.append(name)
        }
        // Only for sweeps over environment.id; a stale pair from an earlier report goes.
        for (name, table) in [("aggregates.csv", ReportTables.aggregates(aggregates)),
                              ("performance_profile.csv", ReportTables.performanceProfile(aggregates))] {
            let url = resultsDirectory.appendingPathComponent(name)
            if aggregates.isEmpty {
                try SafeFiles.removeFile(url)
            } else {
                try AtomicFile.write(table.text, to: url)
                summary.files.append(name)
            }
        }

        let plots = resultsDirectory.appendingPathComponent("plots", isDirectory: true)
        let files = GnuplotScripts.files(experiment: plan.name, cells: cells)
            + GnuplotScripts.performanceProfile(experiment: plan.name, aggregates: aggregates)
        // Created (or checked) before anything is written or removed in them.
        try SafeFiles.makeDirectory(plots)
        try SafeFiles.makeDirectory(plots.appendingPathComponent("data", isDirectory: true))
        for file in files {
            try AtomicFile.write(file.contents, to: plots.appendingPathComponent(file.path))
            summary.files.append("plots/" + file.path)
        }
        let written = Set(files.map(\.path))
        for path in GnuplotScripts.paths {
            if !written.contains(path) { try SafeFiles.removeFile(plots.appendingPathComponent(path)) }
            // Every image predates the script and data just written (or removed), whatever its
            // format: none may survive to be mistaken for the current plot.
            if PlotFile(path: path, contents: "").isScript {
                for format in RenderFormat.allCases {
                    let image = (path as NSString).deletingPathExtension + "." + format.rawValue
                    try SafeFiles.removeFile(plots.appendingPathComponent(image))
                }
            }
        }

        if let format = render {
            if let renderer {
                for file in files where file.isScript {
                    do {
                        let image = try renderer.render(script: plots.appendingPathComponent(file.path), format: format)
                        summary.rendered.append("plots/" + image.lastPathComponent)
                    } catch {
                        summary.renderProblems.append("\(error)")
                    }
                }
            } else {
                summary.renderProblems.append("gnuplot not found on PATH: plots not rendered")
                summary.gnuplotMissing = true
            }
        }
        // Written last, so that it links the images this report rendered and nothing older.
        let page = ReportPage.markdown(
            plan: plan, summary: summary, comparisons: comparisons, scripts: files.filter(\.isScript).map(\.path))
            + ReportPage.aggregatesSection(aggregates)
        try AtomicFile.write(page, to: resultsDirectory.appendingPathComponent("report.md"))
        summary.files.append("report.md")
        return summary
    }
}
