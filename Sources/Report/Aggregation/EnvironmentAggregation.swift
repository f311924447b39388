import Experiment

/// Aggregates across environments (Agarwal et al. 2021), for experiments whose sweep varies
/// `environment.id` (docs/statistics.md, "Several environments").
///
/// Cells are grouped by their values on every other axis; within a group, each environment's
/// counted final returns are normalized, (x − low) / (high − low), with the range declared in
/// `report.normalize` or else the minimum and maximum final return of that environment over
/// the whole sweep (a constant environment scores 1). Each group gets IQM, mean, median and
/// optimality gap with stratified bootstrap CIs (seeds resampled within each environment) and
/// the performance profile at τ = 0, 0.05, …, 1. No group without `environment.id` swept.
package enum EnvironmentAggregation {
    /// The thresholds of the performance profile.
    package static let taus = (0...20).map { Double($0) / 20 }

    package static func aggregates(plan: ExperimentPlan, cells: [CellSummary], bootstrap: Bootstrap) -> [EnvironmentAggregate] {
        guard let axis = plan.report.axes.first(where: { $0.keys.contains("environment.id") }) else { return [] }
        let environmentKeys = Set(axis.keys)
        func environment(_ c: CellSummary) -> String { plan.cells[c.index].settings.environment.id.rawValue }
        func group(_ c: CellSummary) -> String {
            let values = plan.cells[c.index].values.filter { !environmentKeys.contains($0.key) }
            return values.isEmpty ? "all" : values.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        }
        var ranges: [String: (low: Double, high: Double)] = [:]
        for c in cells where c.n > 0 {
            let id = environment(c)
            let values = c.finalReturns.map(\.value)
            let r = ranges[id] ?? (values.min()!, values.max()!)
            ranges[id] = (min(r.low, values.min()!), max(r.high, values.max()!))
        }
        for (id, declared) in plan.report.normalize { ranges[id] = (declared[0], declared[1]) }

        var order: [String] = []
        var members: [String: [CellSummary]] = [:]
        for c in cells {
            let g = group(c)
            if members[g] == nil { order.append(g) }
            members[g, default: []].append(c)
        }
        return order.compactMap { g -> EnvironmentAggregate? in
            let counted = members[g]!.filter { $0.n > 0 }
            guard !counted.isEmpty else { return nil }
            let tasks = counted.map { c -> [Double] in
                let r = ranges[environment(c)]!
                return c.finalReturns.map { r.high > r.low ? ($0.value - r.low) / (r.high - r.low) : 1 }
            }
            func interval(_ statistic: @escaping ([[Double]]) -> Double) -> ConfidenceInterval {
                bootstrap.stratifiedInterval(tasks, statistic)
            }
            return EnvironmentAggregate(
                group: g, environments: counted.map(environment), runs: tasks.map(\.count),
                iqm: RunAggregates.iqm(tasks), iqmInterval: interval(RunAggregates.iqm),
                mean: RunAggregates.mean(tasks), meanInterval: interval(RunAggregates.mean),
                median: RunAggregates.median(tasks), medianInterval: interval(RunAggregates.median),
                optimalityGap: RunAggregates.optimalityGap(tasks),
                optimalityGapInterval: interval { RunAggregates.optimalityGap($0) },
                profile: taus.map { tau in
                    .init(tau: tau, fraction: RunAggregates.fractionAbove(tasks, tau: tau),
                          interval: interval { RunAggregates.fractionAbove($0, tau: tau) })
                })
        }
    }
}
