/// rliable's aggregate metrics of one group of cells that differ only in their environment
/// (a row of `aggregates.csv`), over normalized final returns.
package struct EnvironmentAggregate: Sendable {
    /// One point of the performance profile: the fraction of runs scoring above τ.
    package struct ProfilePoint: Sendable, Equatable {
        package var tau: Double
        package var fraction: Double
        package var interval: ConfidenceInterval
    }

    /// The group's swept values other than the environment (`key=value,…`), or `all`.
    package var group: String
    /// Environment ids in plan order, and the runs counted in each.
    package var environments: [String]
    package var runs: [Int]
    package var iqm: Double
    package var iqmInterval: ConfidenceInterval
    package var mean: Double
    package var meanInterval: ConfidenceInterval
    package var median: Double
    package var medianInterval: ConfidenceInterval
    package var optimalityGap: Double
    package var optimalityGapInterval: ConfidenceInterval
    package var profile: [ProfilePoint]
}
