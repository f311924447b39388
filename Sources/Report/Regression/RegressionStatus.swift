/// A cell's verdict in `regression.csv`.
public enum RegressionStatus: String, Sendable, Equatable {
    /// Every applicable threshold reached.
    case pass
    /// The mean is below `min` or below the reference threshold.
    case fail
    /// No completed seed to judge: a failure (the check must see every cell run).
    case missing
    /// Not in the reference file, and `min` (if any) reached: not a failure.
    case new

    /// Whether this status fails the check.
    public var isFailure: Bool { self == .fail || self == .missing }
}
