/// The probability of improvement P(X_A > X_B) of Agarwal et al. (2021), as rliable defines it
/// for one task.
///
/// P = (1 / (n_a n_b)) Σ_i Σ_j S(a_i, b_j), with S(x, y) = 1 if x > y, ½ if x = y, 0 otherwise:
/// the Mann–Whitney U statistic of A over B divided by n_a n_b. It compares every run of A
/// with every run of B, so it does not use the pairing of seeds. NaN when either is empty.
package enum ProbabilityOfImprovement {
    package static func estimate(_ a: [Double], _ b: [Double]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return .nan }
        var wins = 0.0
        for x in a {
            for y in b {
                if x > y { wins += 1 } else if x == y { wins += 0.5 }
            }
        }
        return wins / Double(a.count * b.count)
    }

    /// The percentile bootstrap interval of the estimate, resampling the runs of A and of B
    /// independently (rliable's `StratifiedIndependentBootstrap` for one task).
    package static func interval(_ a: [Double], _ b: [Double], bootstrap: Bootstrap) -> ConfidenceInterval {
        guard !a.isEmpty, !b.isEmpty else { return .unavailable }
        return bootstrap.stratifiedInterval([a, b]) { estimate($0[0], $0[1]) }
    }
}
