import Foundation

/// The two statistics an update reads off the batch and the policy rather than its minibatches.
extension UpdateStatistics {
    /// Stable-Baselines3's `explained_variance(values, returns)` over the batch's `count` terms,
    /// in Double:
    ///
    ///     EV = 1 − Var[V̂ − V] / Var[V̂]     (population variances; NaN when Var[V̂] = 0)
    ///
    /// with V the critic's values at collection (`Rollout.stateValues`) and V̂ its targets
    /// (`Rollout.criticTargets`, PPO's and a2c's λ-returns).
    static func explainedVariance(of batch: Rollout) -> Double {
        let n = batch.count
        guard n > 0 else { return .nan }
        let values = batch.stateValueStorage.pointer, targets = batch.criticTargetStorage.pointer
        func variance(_ x: (Int) -> Double) -> Double {
            var sum = 0.0
            for k in 0..<n { sum += x(k) }
            let mean = sum / Double(n)
            var squares = 0.0
            for k in 0..<n { squares += (x(k) - mean) * (x(k) - mean) }
            return squares / Double(n)
        }
        let targetVariance = variance { Double(targets[$0]) }
        guard targetVariance != 0 else { return .nan }
        return 1 - variance { Double(targets[$0]) - Double(values[$0]) } / targetVariance
    }

    /// mean_j exp(log σ_j) over a Gaussian head's `log σ` parameters (with gSDE, the whole
    /// matrix), as Stable-Baselines3's `th.exp(policy.log_std).mean()`; NaN for a discrete policy.
    static func std(of policy: PolicyModel) -> Double {
        guard case .gaussian(let gaussian) = policy else { return .nan }
        let logStd = gaussian.logStd, n = gaussian.logStdCount
        var sum = 0.0
        for j in 0..<n { sum += Double(Foundation.exp(logStd[j])) }
        return sum / Double(n)
    }
}
