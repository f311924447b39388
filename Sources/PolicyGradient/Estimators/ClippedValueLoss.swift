/// PPO's clipped value loss, as Stable-Baselines3 computes it with `clip_range_vf`.
///
/// With the critic's values `V_i`, the values `V_i^old` recorded when the batch was collected,
/// the targets `R_i` (λ-returns) and the range `ε_V`, over a minibatch of `M` terms:
///
///     V_i^clip = V_i^old + clip(V_i − V_i^old, −ε_V, ε_V)
///     L_V      = (1/M) Σ_i (V_i^clip − R_i)²
///
/// Its derivative with respect to `V_i` is `2 (V_i^clip − R_i) / M` where `|V_i − V_i^old| ≤ ε_V`
/// (PyTorch's clamp passes the gradient on the bounds) and 0 outside, where the clipped value
/// no longer depends on `V_i`. Unlike PPO2's `max` of clipped and unclipped errors, the
/// unclipped error does not enter.
public enum ClippedValueLoss {
    /// Writes `scale · ∂L_V/∂V_i · M / 2` — that is, `scale · (V_i^clip − R_i)` or 0 — into
    /// `gradient` and returns `Σ_i (V_i^clip − R_i)²`. The caller folds `value_coef`, 2 and
    /// `1/M` into `scale`, as for `Critic.accumulateSquaredErrorGradient`.
    @discardableResult
    public static func loss(
        values: UnsafePointer<Float>, oldValues: UnsafePointer<Float>, targets: UnsafePointer<Float>,
        clip epsilon: Float, scale: Float, count: Int, gradient: UnsafeMutablePointer<Float>
    ) -> Float {
        var total: Float = 0
        for i in 0..<count {
            let change = values[i] - oldValues[i]
            let clipped = oldValues[i] + Swift.min(Swift.max(change, -epsilon), epsilon)
            let error = clipped - targets[i]
            total += error * error
            gradient[i] = abs(change) <= epsilon ? scale * error : 0
        }
        return total
    }
}
