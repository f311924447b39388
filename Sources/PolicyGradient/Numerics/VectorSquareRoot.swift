#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Lane-wise IEEE square root of four Floats in one instruction.
///
/// On Linux `Float.squareRoot()` lowers to a libm call that keeps `errno` semantics, which
/// blocks vectorization; `sqrtps` computes the same correctly rounded results four at a time.
/// Elsewhere the plain lane-wise square root is used (identical results).
@inline(__always)
func vectorSquareRoot(_ x: SIMD4<Float>) -> SIMD4<Float> {
    #if arch(x86_64)
    return _mm_sqrt_ps(x)
    #else
    return SIMD4(x[0].squareRoot(), x[1].squareRoot(), x[2].squareRoot(), x[3].squareRoot())
    #endif
}
