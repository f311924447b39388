import Report

/// What a report found wrong that the user should hear, on standard error: damaged jobs,
/// results written without checksums, plots that could not be rendered. Shared by `report`,
/// `run` and `check`.
enum ReportWarnings {
    static func print(_ summary: ReportSummary) {
        for (job, reason) in summary.damaged {
            Console.error("warning: job \(job) is damaged (\(reason)); left out of the summaries, run again to redo it")
        }
        if let first = summary.unverified.first {
            let n = summary.unverified.count
            Console.error("warning: \(n == 1 ? "job \(first) has" : "\(n) jobs (\(first) among them) have") a result.json "
                + "without checksums, written by an earlier version: read as it stands, unverified; runner run redoes them")
        }
        for problem in summary.renderProblems { Console.error("warning: \(problem)") }
    }
}
