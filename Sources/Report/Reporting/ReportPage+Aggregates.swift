extension ReportPage {
    /// The "Across environments" section of `report.md`; empty without aggregates.
    static func aggregatesSection(_ aggregates: [EnvironmentAggregate]) -> String {
        guard !aggregates.isEmpty else { return "" }
        var out = "\n## Across environments\n\n"
        out += "Final returns normalized per environment (`report.normalize`, or min–max over the sweep); "
            + "95% stratified bootstrap CIs, seeds resampled within each environment.\n\n"
        out += MarkdownText.table(
            ["group", "environments", "runs", "IQM", "mean", "median", "optimality gap"],
            aggregates.map { a in
                [a.group, a.environments.joined(separator: ", "), a.runs.map(String.init).joined(separator: " + "),
                 "\(MarkdownText.number(a.iqm)) \(MarkdownText.interval(a.iqmInterval))",
                 "\(MarkdownText.number(a.mean)) \(MarkdownText.interval(a.meanInterval))",
                 "\(MarkdownText.number(a.median)) \(MarkdownText.interval(a.medianInterval))",
                 "\(MarkdownText.number(a.optimalityGap)) \(MarkdownText.interval(a.optimalityGapInterval))"]
            })
        return out
    }
}
