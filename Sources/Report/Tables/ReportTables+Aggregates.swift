import PolicyGradient
import Results

extension ReportTables {
    /// `aggregates.csv`: group, environments, runs, then IQM, mean, median and optimality gap
    /// of normalized final returns, each with its stratified bootstrap 95% CI.
    package static func aggregates(_ aggregates: [EnvironmentAggregate]) -> CSVTable {
        var header = ["group", "environments", "runs"]
        for name in ["iqm", "mean", "median", "optimality_gap"] { header += [name, "\(name)_ci_low", "\(name)_ci_high"] }
        var table = CSVTable(header: header)
        for a in aggregates {
            let stats = [(a.iqm, a.iqmInterval), (a.mean, a.meanInterval), (a.median, a.medianInterval),
                         (a.optimalityGap, a.optimalityGapInterval)]
            table.rows.append(
                [a.group, a.environments.joined(separator: ";"), a.runs.map(String.init).joined(separator: ";")]
                    + stats.flatMap { [$0.0, $0.1.low, $0.1.high] }.map(csvNumber))
        }
        return table
    }

    /// `performance_profile.csv`: group, tau, fraction of runs above tau, 95% CI.
    package static func performanceProfile(_ aggregates: [EnvironmentAggregate]) -> CSVTable {
        var table = CSVTable(header: ["group", "tau", "fraction", "ci_low", "ci_high"])
        for a in aggregates {
            for p in a.profile {
                table.rows.append([a.group] + [p.tau, p.fraction, p.interval.low, p.interval.high].map(csvNumber))
            }
        }
        return table
    }
}
