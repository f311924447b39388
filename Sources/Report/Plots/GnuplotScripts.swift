import Foundation
import PolicyGradient
import Results

/// Writes the gnuplot scripts of a report and the data files they read.
///
/// Scripts run with plain `gnuplot` from the `plots/` folder: `gnuplot learning_curves.gp`
/// writes `learning_curves.png`, `gnuplot -e 'fmt="svg"' learning_curves.gp` an SVG, and
/// `-e 'outfile="x.png"'` another name. They read tab-separated, numbers-only files in
/// `plots/data/` rather than the report's CSVs: gnuplot 5.4 splits quoted CSV fields on
/// commas correctly but mangles a doubled quote (`""`) inside one, and cell labels may hold
/// both. Each cell (or cell and baseline) is one data block, addressed with `index k`;
/// blocks are separated by two blank lines. Labels live only in the scripts, escaped by
/// `GnuplotString.literal`. A plot with no data (say, no gradient diagnostics) is not written.
package enum GnuplotScripts {
    /// The names of one plot's files, relative to `plots/`.
    struct Names {
        /// The script's name without `.gp`; its images are `<name>.png` and `<name>.svg`.
        let name: String
        /// The data files the script reads.
        let data: [String]

        var script: String { name + ".gp" }
        var paths: [String] { [script] + data }
    }

    static let learningCurvesNames = Names(name: "learning_curves", data: ["data/learning_curves.dat"])
    static let varianceNames = Names(name: "variance_vs_baseline", data: ["data/variance.dat"])
    static let finalReturnsNames = Names(
        name: "final_returns", data: ["data/final_returns.dat", "data/final_returns_seeds.dat"])
    static let gradientQualityNames = Names(name: "gradient_quality", data: ["data/gradient_quality.dat"])

    /// Every file `files` (and `performanceProfile`) may write, relative to `plots/`: each
    /// plot's script, then its data.
    package static let paths = [learningCurvesNames, varianceNames, gradientQualityNames, finalReturnsNames, profileNames]
        .flatMap(\.paths)

    /// The plots for `cells` of experiment `experiment`, scripts and data together.
    package static func files(experiment: String, cells: [CellSummary]) -> [PlotFile] {
        learningCurves(experiment: experiment, cells: cells)
            + varianceVsBaseline(experiment: experiment, cells: cells)
            + gradientQuality(experiment: experiment, cells: cells)
            + finalReturns(experiment: experiment, cells: cells)
    }

    /// `learning_curves.gp`: mean evaluation return vs steps with its 95% band, one colour per cell.
    package static func learningCurves(experiment: String, cells: [CellSummary]) -> [PlotFile] {
        let drawn = cells.filter { !$0.curve.isEmpty }
        guard !drawn.isEmpty else { return [] }
        let names = learningCurvesNames
        let file = names.data[0]
        let data = blocks(drawn.map { cell in
            cell.curve.map { [Double($0.step), $0.mean, $0.interval.low, $0.interval.high] }
        })
        var script = preamble(
            name: names.name, width: 1100, height: 620,
            about: "Learning curves: mean evaluation return over seeds with its 95% Student t band, per cell.",
            data: "\(file): one block per cell (index k); step, mean, ci_low, ci_high")
        script += """
            set title \(GnuplotString.literal("Learning curves — \(experiment)"))
            set xlabel 'environment steps'
            set ylabel 'evaluation return (mean over seeds, 95% CI)'
            set key below vertical maxrows 4
            set grid
            set style fill transparent solid 0.2 noborder

            """
        var layers: [String] = []
        for (k, cell) in drawn.enumerated() {
            let color = k + 1
            layers.append("'\(file)' index \(k) using 1:3:4 with filledcurves lc \(color) notitle")
            layers.append(
                "'\(file)' index \(k) using 1:2 with linespoints lc \(color) lw 2 pt 7 ps 0.4 title "
                    + GnuplotString.literal("\(cell.label) (n=\(cell.n))"))
        }
        script += plot(layers)
        return [
            PlotFile(path: names.script, contents: script),
            PlotFile(path: file, contents: data),
        ]
    }

    /// `variance_vs_baseline.gp`: one panel per cell, gradient variance (log scale) vs steps,
    /// one line per baseline, each baseline the same colour in every panel: the seeds'
    /// geometric mean variance with its 95% band (`GeometricMean`), positive as the axis is.
    package static func varianceVsBaseline(experiment: String, cells: [CellSummary]) -> [PlotFile] {
        let drawn = cells.filter { !$0.variance.isEmpty }
        guard !drawn.isEmpty else { return [] }
        let names = varianceNames
        let file = names.data[0]
        let baselines = Aggregator.baselineOrder(Set(drawn.flatMap { $0.variance.map(\.baseline) }))
        var series: [[[Double]]] = []
        var panels: [[String]] = []
        var lows: [Int: Double] = [:]
        for cell in drawn {
            var layers: [String] = []
            for (b, baseline) in baselines.enumerated() {
                let points = cell.variance.filter { $0.baseline == baseline }
                guard !points.isEmpty else { continue }
                let k = series.count
                series.append(points.map { p in
                    [Double(p.step), p.geometricMean.value, p.geometricMean.interval.low, p.geometricMean.interval.high]
                })
                layers.append("'\(file)' index \(k) using 1:3:4 with filledcurves lc \(b + 1) notitle")
                layers.append(
                    "'\(file)' index \(k) using 1:2 with linespoints lc \(b + 1) lw 2 pt 7 ps 0.5 title "
                        + GnuplotString.literal(baseline))
            }
            // One dashed floor per panel: at each step the highest of the baselines' precision
            // floors, below which no curve measures statistics.
            var floors: [Int: Double] = [:]
            for p in cell.variance where p.precisionFloor.isFinite && p.precisionFloor > 0 {
                floors[p.step] = max(floors[p.step] ?? 0, p.precisionFloor)
            }
            lows[cell.index] = (cell.variance.map(\.geometricMean.value) + floors.values).filter { $0.isFinite && $0 > 0 }.min()
            if !floors.isEmpty {
                let k = series.count
                series.append(floors.keys.sorted().map { [Double($0), floors[$0]!] })
                layers.append("'\(file)' index \(k) using 1:2 with lines lc rgb 'gray30' lw 1.5 dt 2 title 'precision floor'")
            }
            panels.append(layers)
        }
        var script = multiplotHead(
            name: names.name, panels: drawn.count,
            about: "Gradient variance (trace of the estimate's covariance, geometric mean over the seeds of positive variance, 95% band: Student t on log10, back-transformed) vs steps: one panel per cell, one line per baseline; dashed, the precision floor (the highest baseline's variance from Float32 rounding of the stored estimates alone).",
            data: "\(file): one block per cell and baseline (index k): step, geomean, ci_low, ci_high; then per cell one block: step, precision floor",
            settings: """
                set xlabel 'environment steps'
                set ylabel 'gradient variance (log scale)'
                set logscale y
                set format y "1e%L"
                set key below horizontal
                set grid
                set style fill transparent solid 0.15 noborder

                """,
            title: "Gradient variance by baseline — \(experiment)")
        // The axis starts a decade below the lowest geometric mean or floor, so that a wide
        // band (t_{0.975, 1} = 12.7 on the log scale with two seeds) does not stretch it over
        // tens of empty decades.
        script += multiplotPanels(drawn, panels) { cell in
            lows[cell.index].map { "set yrange [\(csvNumber(pow(10, (log10($0)).rounded(.down) - 1))):*]\n" } ?? ""
        }
        return [
            PlotFile(path: names.script, contents: script),
            PlotFile(path: file, contents: blocks(series)),
        ]
    }

    /// `gradient_quality.gp`: one panel per cell, the agreement of the K batch gradients vs
    /// steps (Ilyas et al. 2020): mean pairwise cosine (solid) and mean cosine to their mean
    /// (dashed), each the mean over seeds, one colour per baseline as in the variance plot.
    /// Only finite points are drawn; without one (no diagnostics, or job files from before
    /// these columns) the plot is not written.
    package static func gradientQuality(experiment: String, cells: [CellSummary]) -> [PlotFile] {
        let drawn = cells.filter { $0.variance.contains { $0.pairwiseCosine.isFinite || $0.cosineToMean.isFinite } }
        guard !drawn.isEmpty else { return [] }
        let names = gradientQualityNames
        let file = names.data[0]
        let baselines = Aggregator.baselineOrder(Set(drawn.flatMap { $0.variance.map(\.baseline) }))
        var series: [[[Double]]] = []
        var panels: [[String]] = []
        for cell in drawn {
            var layers: [String] = []
            for (b, baseline) in baselines.enumerated() {
                for (column, name, dash) in [(\VariancePoint.pairwiseCosine, "pairwise", 1), (\.cosineToMean, "to mean", 2)] {
                    let points = cell.variance.filter { $0.baseline == baseline && $0[keyPath: column].isFinite }
                    guard !points.isEmpty else { continue }
                    let k = series.count
                    series.append(points.map { [Double($0.step), $0[keyPath: column]] })
                    layers.append(
                        "'\(file)' index \(k) using 1:2 with linespoints lc \(b + 1) dt \(dash) lw 2 pt 7 ps 0.5 title "
                            + GnuplotString.literal("\(baseline), \(name)"))
                }
            }
            panels.append(layers)
        }
        var script = multiplotHead(
            name: names.name, panels: drawn.count,
            about: "Agreement of the K batch gradients of one measurement vs steps: mean pairwise cosine (solid) and mean cosine to their mean (dashed), each averaged over seeds; one panel per cell, one colour per baseline.",
            data: "\(file): one block per cell, baseline and measure (index k): step, mean cosine",
            settings: """
                set xlabel 'environment steps'
                set ylabel 'cosine similarity (mean over seeds)'
                set yrange [*:1.05]
                set key below horizontal
                set grid

                """,
            title: "Gradient agreement by baseline — \(experiment)")
        script += multiplotPanels(drawn, panels)
        return [
            PlotFile(path: names.script, contents: script),
            PlotFile(path: file, contents: blocks(series)),
        ]
    }

    /// `final_returns.gp`: per cell, the mean final return with its 95% CI as an error bar,
    /// the IQM, and every counted seed as a small circle.
    package static func finalReturns(experiment: String, cells: [CellSummary]) -> [PlotFile] {
        let drawn = cells.filter { $0.n > 0 }
        guard !drawn.isEmpty else { return [] }
        let names = finalReturnsNames
        let (summaryFile, seedsFile) = (names.data[0], names.data[1])
        let positions = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1.index, $0) })
        let summary = blocks([drawn.map { c in
            [Double(positions[c.index]!), c.mean, c.interval.low, c.interval.high, c.iqm]
        }])
        let seeds = blocks([drawn.flatMap { c in
            c.finalReturns.map { [Double(positions[c.index]!), $0.value] }
        }])
        let tics = cells.enumerated().map { "\(GnuplotString.literal("\($1.label) (n=\($1.n))")) \($0)" }.joined(separator: ", ")
        let width = max(700, 110 * cells.count + 200)
        // Tic labels stand vertical; the bottom margin (in character heights) fits the longest,
        // a character being about half a height wide.
        let longest = min(120, cells.map { $0.label.count + " (n=\($0.n))".count }.max() ?? 0)
        let bottomMargin = Int((0.5 * Double(longest)).rounded(.up)) + 3
        var script = preamble(
            name: names.name, width: width, height: 460 + 16 * bottomMargin,
            about: "Final return per cell: mean over seeds with its 95% Student t CI, the IQM, and each seed.",
            data: "\(summaryFile): position, mean, ci_low, ci_high, iqm; \(seedsFile): position, final return")
        script += """
            set title \(GnuplotString.literal("Final returns — \(experiment)"))
            set ylabel 'final return'
            set xrange [-0.5:\(cells.count) - 0.5]
            set xtics rotate by 90 right (\(tics))
            set bmargin \(bottomMargin)
            set key outside top center horizontal
            set grid ytics

            """
        script += plot([
            "'\(seedsFile)' using 1:2 with points pt 6 ps 0.9 lc rgb 'gray50' title 'seeds'",
            "'\(summaryFile)' using 1:2:3:4 with yerrorbars pt 7 ps 1.3 lw 2 lc 1 title 'mean, 95% CI'",
            "'\(summaryFile)' using 1:5 with points pt 4 ps 1.3 lc 2 title 'IQM'",
        ])
        return [
            PlotFile(path: names.script, contents: script),
            PlotFile(path: summaryFile, contents: summary),
            PlotFile(path: seedsFile, contents: seeds),
        ]
    }

    /// The head of a script of `panels` panels, 600 × 440 pixels each in a near-square grid:
    /// the preamble, `settings` (each line ending in a newline), then `set multiplot` titled
    /// `title`.
    static func multiplotHead(name: String, panels: Int, about: String, data: String, settings: String, title: String) -> String {
        let columns = Int(Double(panels).squareRoot().rounded(.up))
        let rows = (panels + columns - 1) / columns
        return preamble(name: name, width: 600 * columns, height: 440 * rows + 40, about: about, data: data)
            + settings + "set multiplot layout \(rows),\(columns) title \(GnuplotString.literal(title))\n"
    }

    /// One panel per cell, titled with its label and n, `settings(cell)` before its `plot`
    /// of `layers`; then the end of the multiplot.
    static func multiplotPanels(
        _ cells: [CellSummary], _ panels: [[String]], settings: (CellSummary) -> String = { _ in "" }
    ) -> String {
        var out = ""
        for (cell, layers) in zip(cells, panels) {
            out += "set title \(GnuplotString.literal("\(cell.label) (n=\(cell.n))"))\n" + settings(cell) + plot(layers)
        }
        return out + "unset multiplot\n"
    }

    /// The common head of every script: output format and file, data separator.
    static func preamble(name: String, width: Int, height: Int, about: String, data: String) -> String {
        """
        # \(about)
        # Run from this folder: gnuplot \(name).gp  (PNG)  or  gnuplot -e 'fmt="svg"' \(name).gp
        # Reads \(data).
        if (!exists("fmt")) fmt = "png"
        if (!exists("outfile")) outfile = "\(name)." . fmt
        if (fmt eq "svg") {
            set terminal svg size \(width),\(height) dynamic background rgb "white"
        } else {
            if (strstrt(GPVAL_TERMINALS, "pngcairo") > 0) {
                set terminal pngcairo size \(width),\(height)
            } else {
                set terminal png size \(width),\(height)
            }
        }
        set termoption noenhanced
        set output outfile
        set datafile separator "\\t"

        """
    }

    /// A `plot` command over several layers, one per continued line.
    static func plot(_ layers: [String]) -> String {
        "plot \\\n    " + layers.joined(separator: ", \\\n    ") + "\n"
    }

    /// Tab-separated numeric rows; blocks separated by two blank lines (gnuplot's `index`).
    static func blocks(_ blocks: [[[Double]]]) -> String {
        blocks.map { block in
            block.map { $0.map(csvNumber).joined(separator: "\t") + "\n" }.joined()
        }.joined(separator: "\n\n")
    }
}

extension GnuplotScripts {
    static let profileNames = Names(name: "performance_profile", data: ["data/performance_profile.dat"])

    /// `performance_profile.gp`: per group, the fraction of runs with normalized final return
    /// above τ, with its 95% stratified bootstrap band (Agarwal et al. 2021, figure 6).
    package static func performanceProfile(experiment: String, aggregates: [EnvironmentAggregate]) -> [PlotFile] {
        guard !aggregates.isEmpty else { return [] }
        let names = profileNames
        let file = names.data[0]
        let data = blocks(aggregates.map { a in
            a.profile.map { [$0.tau, $0.fraction, $0.interval.low, $0.interval.high] }
        })
        var script = preamble(
            name: names.name, width: 900, height: 600,
            about: "Performance profile: fraction of runs (all environments) with normalized final return above tau, 95% stratified bootstrap band, per group.",
            data: "\(file): one block per group (index k); tau, fraction, ci_low, ci_high")
        script += """
            set title \(GnuplotString.literal("Performance profile — \(experiment)"))
            set xlabel 'normalized final return tau'
            set ylabel 'fraction of runs with score > tau'
            set xrange [0:1]
            set yrange [0:1.05]
            set key below vertical maxrows 4
            set grid
            set style fill transparent solid 0.2 noborder

            """
        var layers: [String] = []
        for (k, a) in aggregates.enumerated() {
            let runs = a.runs.reduce(0, +)
            layers.append("'\(file)' index \(k) using 1:3:4 with filledcurves lc \(k + 1) notitle")
            layers.append(
                "'\(file)' index \(k) using 1:2 with lines lc \(k + 1) lw 2 title "
                    + GnuplotString.literal("\(a.group) (n=\(runs) runs, \(a.environments.count) environments)"))
        }
        script += plot(layers)
        return [PlotFile(path: names.script, contents: script), PlotFile(path: file, contents: data)]
    }
}
