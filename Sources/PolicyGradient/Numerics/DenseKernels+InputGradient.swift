extension DenseKernels {
    /// The backward product `dX = dY W`: `dX[r, i] = Σ_o dY[r, o] W[o, i]` (overwrites `dX`).
    ///
    /// Blocked 16 inputs × 2 rows; each slice of a row of `W` serves two samples.
    public static func transposedProduct(
        weights w: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
        inputGradient dx: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int
    ) {
        var r = 0
        while r < rows {
            let pair = r + 2 <= rows
            let g0 = dy + r * outSize
            let g1 = pair ? g0 + outSize : g0
            let d0 = dx + r * inSize
            let d1 = pair ? d0 + inSize : d0
            var i = 0
            while i + 16 <= inSize {
                var a0 = SIMD4<Float>(), a1 = SIMD4<Float>(), a2 = SIMD4<Float>(), a3 = SIMD4<Float>()
                var c0 = SIMD4<Float>(), c1 = SIMD4<Float>(), c2 = SIMD4<Float>(), c3 = SIMD4<Float>()
                var wRow = w + i
                for o in 0..<outSize {
                    let e0 = SIMD4<Float>(repeating: g0[o])
                    let e1 = SIMD4<Float>(repeating: g1[o])
                    let v0 = load4(wRow), v1 = load4(wRow + 4), v2 = load4(wRow + 8), v3 = load4(wRow + 12)
                    a0 += e0 * v0; a1 += e0 * v1; a2 += e0 * v2; a3 += e0 * v3
                    c0 += e1 * v0; c1 += e1 * v1; c2 += e1 * v2; c3 += e1 * v3
                    wRow += inSize
                }
                store4(a0, d0 + i); store4(a1, d0 + i + 4); store4(a2, d0 + i + 8); store4(a3, d0 + i + 12)
                if pair {
                    store4(c0, d1 + i); store4(c1, d1 + i + 4); store4(c2, d1 + i + 8); store4(c3, d1 + i + 12)
                }
                i += 16
            }
            while i + 4 <= inSize {
                var a0 = SIMD4<Float>(), c0 = SIMD4<Float>()
                var wRow = w + i
                for o in 0..<outSize {
                    let v0 = load4(wRow)
                    a0 += SIMD4<Float>(repeating: g0[o]) * v0
                    c0 += SIMD4<Float>(repeating: g1[o]) * v0
                    wRow += inSize
                }
                store4(a0, d0 + i)
                if pair { store4(c0, d1 + i) }
                i += 4
            }
            while i < inSize {
                var s0: Float = 0, s1: Float = 0
                for o in 0..<outSize {
                    let v = w[o * inSize + i]
                    s0 += g0[o] * v
                    s1 += g1[o] * v
                }
                d0[i] = s0
                if pair { d1[i] = s1 }
                i += 1
            }
            r += pair ? 2 : 1
        }
    }
}
