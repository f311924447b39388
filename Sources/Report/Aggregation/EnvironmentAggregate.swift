/// rliable's aggregate metrics of one group of cells that differ only in their environment
/// (a row of `aggregates.csv`), over normalized final returns.
public struct EnvironmentAggregate: Sendable {
    /// One point of the performance profile: the fraction of runs scoring above τ.
    public struct ProfilePoint: Sendable, Equatable {
        public var tau: Double
        public var fraction: Double
        public var interval: ConfidenceInterval
    }

    /// The group's swept values other than the environment (`key=value,…`), or `all`.
    public var group: String
    /// Environment ids in plan order, and the runs counted in each.
    public var environments: [String]
    public var runs: [Int]
    public var iqm: Double
    public var iqmInterval: ConfidenceInterval
    public var mean: Double
    public var meanInterval: ConfidenceInterval
    public var median: Double
    public var medianInterval: ConfidenceInterval
    public var optimalityGap: Double
    public var optimalityGapInterval: ConfidenceInterval
    public var profile: [ProfilePoint]
}
