/// A learned value function: V(s) (`outputCount == 1`) or Q(s, ·) (`outputCount == actions`).
///
/// As with policies, `forward` fills workspace rows that persist until overwritten, and
/// gradients accumulate into `parameters.gradient`.
public protocol Critic: ParameterizedModel {
    /// Length of one observation vector.
    var observationSize: Int { get }
    /// 1 for V, the number of actions for Q.
    var outputCount: Int { get }
    /// Evaluates `count` observations into rows `row..<row+count`.
    func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int)
    /// Outputs of a forwarded row, `[outputCount]`.
    func output(row: Int) -> UnsafeMutablePointer<Float>
    /// Adds `Σ_i Σ_j g_ij ∂out_ij/∂θ` for `outputGradient` (`[count × outputCount]`).
    func backward(outputGradient: UnsafePointer<Float>, count: Int, row: Int)
    /// Scratch of at least `count × outputCount` floats for output gradients.
    func outputGradientScratch(count: Int) -> UnsafeMutablePointer<Float>
    /// A copy with parameters of its own (a target network), same architecture and values.
    func makeTarget() -> any Critic
}

extension Critic {
    /// V(s) (or Q(s, 0)) of a forwarded row.
    public func value(row: Int) -> Float { output(row: row)[0] }

    /// Copies θ from a critic of the same architecture (refreshing a target network).
    public func copyParameters(from other: any Critic) {
        parameters.copyValues(from: other.parameters)
    }

    /// Adds `scale · ∂/∂θ Σ_i ½ (v_i − y_i)²` over rows `row..<row+count`, where
    /// `v_i = V(s_i)`, or `Q(s_i, a_i)` when `actions` is given; returns `Σ_i ½ (v_i − y_i)²`.
    /// The caller folds `value_coef` and any `1/N` into `scale`.
    @discardableResult
    public func accumulateSquaredErrorGradient(
        targets: UnsafePointer<Float>, actions: UnsafePointer<Int>? = nil, scale: Float = 1, count: Int, row: Int = 0
    ) -> Float {
        let k = outputCount
        let g = outputGradientScratch(count: count)
        g.update(repeating: 0, count: count * k)
        var loss: Float = 0
        for i in 0..<count {
            let a = actions?[i] ?? 0
            precondition(a >= 0 && a < k, "action out of range")
            let error = output(row: row + i)[a] - targets[i]
            loss += 0.5 * error * error
            g[i * k + a] = scale * error
        }
        backward(outputGradient: g, count: count, row: row)
        return loss
    }
}
