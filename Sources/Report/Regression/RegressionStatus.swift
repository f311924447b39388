/// A cell's verdict in `regression.csv`.
package enum RegressionStatus: String, Sendable, Equatable {
    /// Every applicable threshold reached.
    case pass
    /// The mean is below `min` or below the reference threshold.
    case fail
    /// No completed seed to judge: a failure (the check must see every cell run).
    case missing
    /// Not in the reference file, and `min` reached: not a failure.
    case new
    /// Neither `min` nor a reference entry applies: nothing to hold the cell to, a failure
    /// (a gate that checks nothing must not pass).
    case unbounded
    /// Non-inferiority: the interval of (current − reference) straddles −margin, or has too
    /// few seeds to exist; a failure only under `check --strict`.
    case inconclusive

    /// Whether this status fails the check.
    package var isFailure: Bool { self == .fail || self == .missing || self == .unbounded }
}
