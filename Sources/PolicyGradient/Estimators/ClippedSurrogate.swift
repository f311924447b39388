import Foundation

/// PPO's clipped surrogate loss (Schulman et al. 2017), as Stable-Baselines3 computes it.
///
/// With the probability ratio `r_i = exp(log π(a_i|s_i) − log π_old(a_i|s_i))` and advantages `A_i`
/// over a minibatch of `M` terms,
///
///     L = (1/M) Σ_i max(−A_i r_i, −A_i clip(r_i, 1 − ε, 1 + ε)).
///
/// Its derivative with respect to `log π(a_i|s_i)` is `−A_i r_i / M` where the unclipped term is
/// the larger (or the two are equal), and 0 where clipping is active (`A_i > 0, r_i > 1 + ε` or
/// `A_i < 0, r_i < 1 − ε`). Those derivatives are the coefficients `c_i` to pass to a policy's
/// `accumulateGradient`, which then adds ∂L/∂θ.
public enum ClippedSurrogate {
    /// Writes `c_i = ∂L/∂log π_i` into `coefficients` and returns `L`.
    @discardableResult
    public static func loss(
        logProbs: UnsafePointer<Float>, oldLogProbs: UnsafePointer<Float>, advantages: UnsafePointer<Float>,
        clip epsilon: Float, count: Int, coefficients: UnsafeMutablePointer<Float>
    ) -> Float {
        let inverseM = 1 / Float(count)
        var total: Float = 0
        for i in 0..<count {
            let ratio = Foundation.exp(logProbs[i] - oldLogProbs[i])
            let advantage = advantages[i]
            let unclipped = -advantage * ratio
            let clipped = -advantage * Swift.min(Swift.max(ratio, 1 - epsilon), 1 + epsilon)
            if unclipped >= clipped {
                total += unclipped
                coefficients[i] = unclipped * inverseM
            } else {
                total += clipped
                coefficients[i] = 0
            }
        }
        return total * inverseM
    }

    /// `loss` on arrays: returns `(L, c)`.
    public static func loss(
        logProbs: [Float], oldLogProbs: [Float], advantages: [Float], clip: Float
    ) -> (loss: Float, coefficients: [Float]) {
        var c = [Float](repeating: 0, count: logProbs.count)
        let l = c.withUnsafeMutableBufferPointer { cb in
            loss(logProbs: logProbs, oldLogProbs: oldLogProbs, advantages: advantages, clip: clip,
                 count: logProbs.count, coefficients: cb.baseAddress!)
        }
        return (l, c)
    }
}
