/// Global gradient-norm clipping, as `torch.nn.utils.clip_grad_norm_`.
///
/// `total = √(Σ g²)` over all given gradient vectors together (policy and critic); with
/// `coef = maxNorm / (total + 1e-6)`, every gradient is scaled by `coef` when `coef < 1`.
/// Returns `total` (before clipping). The sum of squares is accumulated in Double, in four
/// interleaved partial sums (fixed order, so reproducible).
public enum GradientClipping {
    /// `Σ g²` of one vector, in Double.
    static func sumOfSquares(_ g: UnsafePointer<Float>, _ count: Int) -> Double {
        var acc = SIMD4<Double>()
        var i = 0
        let raw = UnsafeRawPointer(g)
        while i + 4 <= count {
            let x = SIMD4<Double>(raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD4<Float>.self))
            acc += x * x
            i += 4
        }
        var sum = (acc[0] + acc[1]) + (acc[2] + acc[3])
        while i < count {
            let x = Double(g[i])
            sum += x * x
            i += 1
        }
        return sum
    }

    /// Calls `body` on each distinct buffer of `buffers` once, in first-occurrence order (a
    /// policy and critic sharing a trunk share one buffer, which must count once).
    @inline(__always)
    static func forEachDistinct(_ buffers: [ParameterBuffer], _ body: (ParameterBuffer) -> Void) {
        for (index, buffer) in buffers.enumerated() where !buffers[..<index].contains(where: { $0 === buffer }) {
            body(buffer)
        }
    }

    /// Clips the gradients of `buffers` (each distinct buffer once) to global norm `maxNorm`.
    @discardableResult
    public static func clipGlobalNorm(_ buffers: [ParameterBuffer], maxNorm: Float) -> Float {
        let total = globalNorm(buffers)
        let coef = maxNorm / (total + 1e-6)
        guard coef < 1 else { return total }
        forEachDistinct(buffers) { buffer in
            let g = UnsafeMutableRawPointer(buffer.gradient)
            var i = 0
            while i + 8 <= buffer.count {
                let x = g.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                g.storeBytes(of: x * coef, toByteOffset: i * 4, as: SIMD8<Float>.self)
                i += 8
            }
            while i < buffer.count {
                buffer.gradient[i] *= coef
                i += 1
            }
        }
        return total
    }

    /// The global norm `√(Σ g²)` of the gradients of `buffers` (each distinct buffer once).
    public static func globalNorm(_ buffers: [ParameterBuffer]) -> Float {
        var sum = 0.0
        forEachDistinct(buffers) { sum += sumOfSquares($0.gradient, $0.count) }
        return Float(sum.squareRoot())
    }
}
