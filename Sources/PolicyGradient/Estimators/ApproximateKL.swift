import Foundation

/// The approximate KL divergence between the policy that collected a batch and the current one,
/// as Stable-Baselines3 and CleanRL estimate it (Schulman's k3 estimator, always ≥ 0):
///
///     KL ≈ (1/M) Σ_i ((r_i − 1) − log r_i),   log r_i = log π(a_i|s_i) − log π_old(a_i|s_i)
///
/// over a minibatch of `M` terms. PPO's `target_kl` stops an update's epochs when it exceeds
/// 1.5 × the target.
public enum ApproximateKL {
    /// The estimate over `count` terms.
    public static func estimate(logProbs: UnsafePointer<Float>, oldLogProbs: UnsafePointer<Float>, count: Int) -> Float {
        var total: Float = 0
        for i in 0..<count {
            let logRatio = logProbs[i] - oldLogProbs[i]
            total += (Foundation.exp(logRatio) - 1) - logRatio
        }
        return total / Float(count)
    }

    /// `estimate` on arrays.
    public static func estimate(logProbs: [Float], oldLogProbs: [Float]) -> Float {
        estimate(logProbs: logProbs, oldLogProbs: oldLogProbs, count: logProbs.count)
    }
}
