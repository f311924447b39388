/// A baseline B(s) resolved to numbers, and its subtraction from the Q-estimates.
///
/// Subtracting a baseline that does not depend on the action leaves the policy-gradient
/// estimate unbiased and can lower its variance (Williams 1992; Greensmith, Bartlett & Baxter
/// 2004): `Â_k = Q̂_k − B(s_k)`.
public enum ResolvedBaseline: Sendable, Equatable {
    /// B = 0.
    case none
    /// B = b for every state (the `mean` and `optimal` baselines are constants).
    case constant(Float)
    /// B(s_k) = `Rollout.stateValues[k]`, the critic's value at collection.
    case value

    /// The advantages `Â_k = Q̂_k − B(s_k)` of a batch's `count` terms, into `advantage`.
    @inline(__always)
    func subtract(from batch: Rollout, into advantage: UnsafeMutablePointer<Float>) {
        let count = batch.count
        let qEstimate = batch.qEstimateStorage.pointer
        switch self {
        case .none: advantage.update(from: qEstimate, count: count)
        case .constant(let b): for k in 0..<count { advantage[k] = qEstimate[k] - b }
        case .value:
            let stateValue = batch.stateValueStorage.pointer
            for k in 0..<count { advantage[k] = qEstimate[k] - stateValue[k] }
        }
    }
}
