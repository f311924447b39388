import Foundation

/// The estimates of Q^π(s_t, a_t) and of the advantage that the estimators are built from.
///
/// Rollouts of fixed length are stored time-major: term `t` of copy `i` is index `t·N + i`
/// (`N` copies, `T` steps). `ended[k]` is true when the transition of term `k` terminated or
/// truncated the episode; `nextValues[k]` is the bootstrap value of the state after term `k`:
/// V(s_{t+1}) when the episode goes on (at `t = T − 1`, the value of the rollout's last
/// observation), 0 after a terminal state, and after a truncation V(final observation) when
/// `bootstrap_truncated` is on (else 0). Training's arithmetic is Float32, as Stable-Baselines3's
/// buffers; the recursions are generic so that the diagnostics run the same ones in Double.
public enum ReturnEstimators {
    /// The discounted reward-to-go of one episode: `G_t = Σ_{k≥t} γ^{k−t} r_k`, i.e.
    /// `G_{T−1} = r_{T−1}`, `G_t = r_t + γ G_{t+1}` (no bootstrap: a cut episode is just cut).
    public static func rewardToGo(
        _ rewards: UnsafePointer<Float>, count: Int, gamma: Float, into returns: UnsafeMutablePointer<Float>
    ) {
        var g: Float = 0
        var t = count - 1
        while t >= 0 {
            g = rewards[t] + gamma * g
            returns[t] = g
            t -= 1
        }
    }

    /// `rewardToGo` on arrays.
    public static func rewardToGo(_ rewards: [Float], gamma: Float) -> [Float] {
        var out = [Float](repeating: 0, count: rewards.count)
        rewards.withUnsafeBufferPointer { r in
            out.withUnsafeMutableBufferPointer { o in
                if let rb = r.baseAddress, let ob = o.baseAddress { rewardToGo(rb, count: rewards.count, gamma: gamma, into: ob) }
            }
        }
        return out
    }

    /// `G_t = r_t + γ G_{t+1}` within each episode of a whole-episode batch, the episodes one
    /// after another (`ended[k]` marks the last term of each, where the sum restarts):
    /// `rewardToGo` over every episode at once, in Float32 or Double.
    @inlinable
    public static func episodeReturns<F: BinaryFloatingPoint>(
        rewards: UnsafePointer<F>, ended: UnsafePointer<Bool>, count: Int, gamma: F,
        into returns: UnsafeMutablePointer<F>
    ) {
        var g: F = 0
        var k = count - 1
        while k >= 0 {
            g = rewards[k] + gamma * (ended[k] ? 0 : g)
            returns[k] = g
            k -= 1
        }
    }

    /// Gives every term its episode's first value (`time[k]` is term k's step in its episode):
    /// from `episodeReturns`, every term's `G_0`.
    @inlinable
    public static func holdEpisodeStart<F: BinaryFloatingPoint>(
        _ values: UnsafeMutablePointer<F>, time: UnsafePointer<Int>, count: Int
    ) {
        for k in 0..<count where time[k] > 0 { values[k] = values[k - time[k]] }
    }

    /// n-step bootstrapped returns (A2C): for each copy, backwards in time,
    ///
    ///     R_t = r_t + γ · nextValues_t        if ended_t or t = T − 1
    ///     R_t = r_t + γ · R_{t+1}             otherwise,
    ///
    /// which is Stable-Baselines3's `compute_returns_and_advantage` with `gae_lambda = 1`
    /// (its truncation bootstrap folded into `nextValues`). Shapes `[T × N]`, in Float32 for
    /// training and Double for the diagnostics.
    @inlinable
    public static func nStepReturns<F: BinaryFloatingPoint>(
        rewards: UnsafePointer<F>, ended: UnsafePointer<Bool>, nextValues: UnsafePointer<F>,
        gamma: F, numEnvs n: Int, steps: Int, into returns: UnsafeMutablePointer<F>
    ) {
        for i in 0..<n {
            var t = steps - 1
            var next: F = 0
            while t >= 0 {
                let k = t * n + i
                let tail = (ended[k] || t == steps - 1) ? nextValues[k] : next
                next = rewards[k] + gamma * tail
                returns[k] = next
                t -= 1
            }
        }
    }

    /// Generalized advantage estimation (Schulman et al. 2016):
    ///
    ///     δ_t = r_t + γ · nextValues_t − V(s_t)
    ///     A_t = δ_t + γλ · A_{t+1}     (the sum stops at ended_t and at t = T − 1),
    ///
    /// so `A_t = Σ_k (γλ)^k δ_{t+k}` within the episode and rollout; the λ-return is
    /// `A_t + V(s_t)`. With λ = 1 and `nextValues` from the same critic, `A_t + V(s_t)` equals
    /// the n-step return. Shapes `[T × N]`.
    @inlinable
    public static func generalizedAdvantages<F: BinaryFloatingPoint>(
        rewards: UnsafePointer<F>, values: UnsafePointer<F>, ended: UnsafePointer<Bool>,
        nextValues: UnsafePointer<F>, gamma: F, gaeLambda: F, numEnvs n: Int, steps: Int,
        into advantages: UnsafeMutablePointer<F>
    ) {
        let decay = gamma * gaeLambda
        for i in 0..<n {
            var t = steps - 1
            var next: F = 0
            while t >= 0 {
                let k = t * n + i
                let delta = rewards[k] + gamma * nextValues[k] - values[k]
                let carry: F = (ended[k] || t == steps - 1) ? 0 : next
                next = delta + decay * carry
                advantages[k] = next
                t -= 1
            }
        }
    }

    /// Standardizes in place: `A ← (A − mean) / (std + 1e-8)`, `std` the unbiased sample
    /// standard deviation (PyTorch's `Tensor.std()`, as Stable-Baselines3 uses). Moments are
    /// accumulated in Double. Fewer than two values are left unchanged (SB3 skips them too).
    public static func normalize(_ values: UnsafeMutablePointer<Float>, count: Int) {
        guard count > 1 else { return }
        var sum = 0.0
        for k in 0..<count { sum += Double(values[k]) }
        let mean = sum / Double(count)
        var squares = 0.0
        for k in 0..<count {
            let d = Double(values[k]) - mean
            squares += d * d
        }
        let std = (squares / Double(count - 1)).squareRoot()
        let m = Float(mean), inverse = Float(1 / (std + 1e-8))
        for k in 0..<count { values[k] = (values[k] - m) * inverse }
    }

    /// `normalize` on an array.
    public static func normalized(_ values: [Float]) -> [Float] {
        var out = values
        out.withUnsafeMutableBufferPointer { if let b = $0.baseAddress { normalize(b, count: values.count) } }
        return out
    }
}
