import CDenseKernels

/// A hyperbolic tangent of our own: pure arithmetic, vectorizable, identical on every machine.
///
/// `tanh(x) ≈ p(x) / q(x)` on `x` clamped to `[-c, c]`, `c = 7.90531110763549805`, where `p` is
/// an odd polynomial of degree 13 and `q` an even polynomial of degree 6 (the minimax rational
/// form used by Eigen's `generic_fast_tanh_float`). Beyond `c`, `tanh(x)` rounds to ±1 in Float.
///
/// Accuracy: `|evaluate(x) − tanh(x)| ≤ maxAbsoluteError = 5e-7` for every finite `x` (the
/// largest error seen, scanning every 16th Float in [-12, 12] against `Foundation.tanh` in Double,
/// is 3.9e-7, near |x| = 5.8; the tests re-check the bound on a dense grid). Only `+`, `*`, `/`, `min` and
/// `max` are used, never a fused multiply-add, so results are bitwise reproducible and do not
/// depend on the C library. It is exactly odd, but not exactly monotone within 1e-6 of ±1
/// (wiggles below the error bound).
public enum FastTanh {
    /// The documented bound on the absolute error against the exact tanh.
    public static let maxAbsoluteError: Float = 5.0e-7

    @usableFromInline static let clampBound: Float = 7.90531110763549805
    @usableFromInline static let alpha1: Float = 4.89352455891786e-03
    @usableFromInline static let alpha3: Float = 6.37261928875436e-04
    @usableFromInline static let alpha5: Float = 1.48572235717979e-05
    @usableFromInline static let alpha7: Float = 5.12229709037114e-08
    @usableFromInline static let alpha9: Float = -8.60467152213735e-11
    @usableFromInline static let alpha11: Float = 2.00018790482477e-13
    @usableFromInline static let alpha13: Float = -2.76076847742355e-16
    @usableFromInline static let beta0: Float = 4.89352518554385e-03
    @usableFromInline static let beta2: Float = 2.26843463243900e-03
    @usableFromInline static let beta4: Float = 1.18534705686654e-04
    @usableFromInline static let beta6: Float = 1.19825839466702e-06

    /// tanh of one value.
    @inlinable
    public static func evaluate(_ value: Float) -> Float {
        let x = Swift.min(Swift.max(value, -clampBound), clampBound)
        let x2 = x * x
        var p = alpha13
        p = p * x2 + alpha11
        p = p * x2 + alpha9
        p = p * x2 + alpha7
        p = p * x2 + alpha5
        p = p * x2 + alpha3
        p = p * x2 + alpha1
        p = p * x
        var q = beta6
        q = q * x2 + beta4
        q = q * x2 + beta2
        q = q * x2 + beta0
        return p / q
    }

    /// Replaces `values[0..<count]` with their tanh, `evaluate` value by value (in the kernels'
    /// C library, so that it runs on eight lanes per instruction where the machine can).
    public static func apply(
        _ values: UnsafeMutablePointer<Float>, count: Int,
        using isa: DenseKernels.InstructionSet = .selected
    ) {
        pg_dense_tanh(isa.code, values, count)
    }
}
