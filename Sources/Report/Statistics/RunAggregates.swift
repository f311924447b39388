/// rliable's aggregate metrics of normalized scores over several tasks (environments).
///
/// `tasks[k]` holds the runs (seeds) of task k. IQM and optimality gap pool every run of every
/// task; mean and median are taken over the per-task means, as in Agarwal et al. (2021).
/// Every function gives NaN when there is no run.
package enum RunAggregates {
    /// The interquartile mean of all runs pooled: the 25% trimmed mean (`Statistics.interquartileMean`).
    package static func iqm(_ tasks: [[Double]]) -> Double { Statistics.interquartileMean(tasks.flatMap { $0 }) }

    /// The mean over tasks of the task means, (1/M) Σ_k x̄_k.
    package static func mean(_ tasks: [[Double]]) -> Double { Statistics.mean(taskMeans(tasks)) }

    /// The median over tasks of the task means.
    package static func median(_ tasks: [[Double]]) -> Double { Statistics.median(taskMeans(tasks)) }

    /// The optimality gap γ − mean(min(x, γ)) over all runs: how far below the target γ
    /// (1 for normalized scores) the runs fall, scores above γ counting as γ.
    package static func optimalityGap(_ tasks: [[Double]], gamma: Double = 1) -> Double {
        let runs = tasks.flatMap { $0 }
        guard !runs.isEmpty else { return .nan }
        return gamma - Statistics.mean(runs.map { Swift.min($0, gamma) })
    }

    /// The performance profile (score distribution) at τ: the fraction of all runs with
    /// score > τ.
    package static func fractionAbove(_ tasks: [[Double]], tau: Double) -> Double {
        let runs = tasks.flatMap { $0 }
        guard !runs.isEmpty else { return .nan }
        return Double(runs.filter { $0 > tau }.count) / Double(runs.count)
    }

    private static func taskMeans(_ tasks: [[Double]]) -> [Double] {
        tasks.filter { !$0.isEmpty }.map(Statistics.mean)
    }
}
