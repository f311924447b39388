/// Holm's step-down correction of m p-values for multiple comparisons (statsmodels
/// `multipletests(method="holm")`).
///
/// Sort the p-values, p_(1) ≤ … ≤ p_(m); the adjusted value of the i-th is
/// max_{j ≤ i} min(1, (m − j + 1) p_(j)), returned in the input order. Rejecting where the
/// adjusted value is below α controls the family-wise error rate at α. NaN p-values (tests
/// that could not be made) stay NaN and do not count in m. Ties keep their input order, so
/// the result is deterministic.
package enum HolmCorrection {
    package static func adjust(_ p: [Double]) -> [Double] {
        let order = p.indices.filter { !p[$0].isNaN }.sorted { (p[$0], $0) < (p[$1], $1) }
        let m = order.count
        var adjusted = [Double](repeating: .nan, count: p.count)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * p[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
