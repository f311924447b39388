/// Global gradient-norm clipping, as `torch.nn.utils.clip_grad_norm_`.
///
/// `total = √(Σ g²)` over all given gradient vectors together (policy and critic); with
/// `coef = maxNorm / (total + 1e-6)`, every gradient is scaled by `coef` when `coef < 1`.
/// Returns `total` (before clipping). The sum of squares is accumulated in Double, in order.
public enum GradientClipping {
    /// Clips the gradients of `buffers` (each distinct buffer once) to global norm `maxNorm`.
    @discardableResult
    public static func clipGlobalNorm(_ buffers: [ParameterBuffer], maxNorm: Float) -> Float {
        var sum = 0.0
        for (index, buffer) in buffers.enumerated() {
            if buffers[..<index].contains(where: { $0 === buffer }) { continue }
            let g = buffer.gradient
            for i in 0..<buffer.count {
                let x = Double(g[i])
                sum += x * x
            }
        }
        let total = Float(sum.squareRoot())
        let coef = maxNorm / (total + 1e-6)
        if coef < 1 {
            for (index, buffer) in buffers.enumerated() {
                if buffers[..<index].contains(where: { $0 === buffer }) { continue }
                let g = buffer.gradient
                for i in 0..<buffer.count { g[i] *= coef }
            }
        }
        return total
    }

    /// The global norm `√(Σ g²)` of the gradients of `buffers` (each distinct buffer once).
    public static func globalNorm(_ buffers: [ParameterBuffer]) -> Float {
        var sum = 0.0
        for (index, buffer) in buffers.enumerated() {
            if buffers[..<index].contains(where: { $0 === buffer }) { continue }
            for i in 0..<buffer.count {
                let x = Double(buffer.gradient[i])
                sum += x * x
            }
        }
        return Float(sum.squareRoot())
    }
}
