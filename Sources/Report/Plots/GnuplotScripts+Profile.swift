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
