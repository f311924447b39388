/// Small dense Float32 kernels for batched fully connected layers, register-blocked with SIMD.
///
/// Shapes (row-major, flat): a batch `X` is `[rows × inSize]`, a weight matrix `W` is
/// `[outSize × inSize]` (PyTorch's `nn.Linear` layout), a bias `b` is `[outSize]`, and a batch
/// `Y` or `dY` is `[rows × outSize]`. Sums run in a fixed order, multiply and add are never
/// fused, so results are bitwise reproducible. No kernel allocates.
public enum DenseKernels {
    @inline(__always) @usableFromInline
    static func load4(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always) @usableFromInline
    static func store4(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
    }

    @inline(__always) @usableFromInline
    static func total(_ v: SIMD4<Float>) -> Float { (v[0] + v[1]) + (v[2] + v[3]) }

    /// `Y = X Wᵀ + b`: `Y[r, o] = b[o] + Σ_i W[o, i] X[r, i]`.
    ///
    /// Blocked 4 outputs × 2 rows, so each loaded slice of `W` serves two samples.
    public static func affine(
        weights w: UnsafePointer<Float>, bias b: UnsafePointer<Float>,
        input x: UnsafePointer<Float>, output y: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int
    ) {
        let in4 = inSize & ~3
        var r = 0
        while r + 2 <= rows {
            let x0 = x + r * inSize
            let x1 = x0 + inSize
            let y0 = y + r * outSize
            let y1 = y0 + outSize
            var o = 0
            while o + 4 <= outSize {
                let w0 = w + o * inSize
                let w1 = w0 + inSize
                let w2 = w1 + inSize
                let w3 = w2 + inSize
                var a00 = SIMD4<Float>(), a10 = SIMD4<Float>(), a20 = SIMD4<Float>(), a30 = SIMD4<Float>()
                var a01 = SIMD4<Float>(), a11 = SIMD4<Float>(), a21 = SIMD4<Float>(), a31 = SIMD4<Float>()
                var i = 0
                while i < in4 {
                    let u0 = load4(x0 + i)
                    let u1 = load4(x1 + i)
                    let v0 = load4(w0 + i)
                    a00 += v0 * u0
                    a01 += v0 * u1
                    let v1 = load4(w1 + i)
                    a10 += v1 * u0
                    a11 += v1 * u1
                    let v2 = load4(w2 + i)
                    a20 += v2 * u0
                    a21 += v2 * u1
                    let v3 = load4(w3 + i)
                    a30 += v3 * u0
                    a31 += v3 * u1
                    i += 4
                }
                var s00 = total(a00), s10 = total(a10), s20 = total(a20), s30 = total(a30)
                var s01 = total(a01), s11 = total(a11), s21 = total(a21), s31 = total(a31)
                while i < inSize {
                    s00 += w0[i] * x0[i]; s01 += w0[i] * x1[i]
                    s10 += w1[i] * x0[i]; s11 += w1[i] * x1[i]
                    s20 += w2[i] * x0[i]; s21 += w2[i] * x1[i]
                    s30 += w3[i] * x0[i]; s31 += w3[i] * x1[i]
                    i += 1
                }
                y0[o] = s00 + b[o]; y0[o + 1] = s10 + b[o + 1]; y0[o + 2] = s20 + b[o + 2]; y0[o + 3] = s30 + b[o + 3]
                y1[o] = s01 + b[o]; y1[o + 1] = s11 + b[o + 1]; y1[o + 2] = s21 + b[o + 2]; y1[o + 3] = s31 + b[o + 3]
                o += 4
            }
            while o < outSize {
                let w0 = w + o * inSize
                y0[o] = dot(w0, x0, inSize) + b[o]
                y1[o] = dot(w0, x1, inSize) + b[o]
                o += 1
            }
            r += 2
        }
        if r < rows {
            let x0 = x + r * inSize
            let y0 = y + r * outSize
            for o in 0..<outSize {
                y0[o] = dot(w + o * inSize, x0, inSize) + b[o]
            }
        }
    }

    /// `Σ_i a[i] b[i]` with the same association as the blocked loop of `affine`.
    @inline(__always) @usableFromInline
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD4<Float>()
        var i = 0
        while i + 4 <= n {
            acc += load4(a + i) * load4(b + i)
            i += 4
        }
        var s = total(acc)
        while i < n {
            s += a[i] * b[i]
            i += 1
        }
        return s
    }

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

    /// Weight and bias gradients of `Y = X Wᵀ + b`, accumulated:
    /// `dW[o, i] += Σ_r dY[r, o] X[r, i]` and `db[o] += Σ_r dY[r, o]` (sums in row order).
    ///
    /// Blocked 2 outputs × 16 inputs, so each loaded slice of `X` serves two rows of `dW`.
    public static func accumulateOuterProducts(
        outputGradient dy: UnsafePointer<Float>, input x: UnsafePointer<Float>,
        weightGradient dw: UnsafeMutablePointer<Float>, biasGradient db: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int
    ) {
        var o = 0
        while o < outSize {
            let pair = o + 2 <= outSize
            let o1 = pair ? o + 1 : o
            let r0 = dw + o * inSize
            let r1 = dw + o1 * inSize
            var i = 0
            while i + 16 <= inSize {
                var a0 = load4(r0 + i), a1 = load4(r0 + i + 4), a2 = load4(r0 + i + 8), a3 = load4(r0 + i + 12)
                var c0 = load4(r1 + i), c1 = load4(r1 + i + 4), c2 = load4(r1 + i + 8), c3 = load4(r1 + i + 12)
                var xRow = x + i
                var gRow = dy
                for _ in 0..<rows {
                    let e0 = SIMD4<Float>(repeating: gRow[o])
                    let e1 = SIMD4<Float>(repeating: gRow[o1])
                    let v0 = load4(xRow), v1 = load4(xRow + 4), v2 = load4(xRow + 8), v3 = load4(xRow + 12)
                    a0 += e0 * v0; a1 += e0 * v1; a2 += e0 * v2; a3 += e0 * v3
                    c0 += e1 * v0; c1 += e1 * v1; c2 += e1 * v2; c3 += e1 * v3
                    xRow += inSize
                    gRow += outSize
                }
                store4(a0, r0 + i); store4(a1, r0 + i + 4); store4(a2, r0 + i + 8); store4(a3, r0 + i + 12)
                if pair {
                    store4(c0, r1 + i); store4(c1, r1 + i + 4); store4(c2, r1 + i + 8); store4(c3, r1 + i + 12)
                }
                i += 16
            }
            while i + 4 <= inSize {
                var a0 = load4(r0 + i), c0 = load4(r1 + i)
                var xRow = x + i
                var gRow = dy
                for _ in 0..<rows {
                    let v0 = load4(xRow)
                    a0 += SIMD4<Float>(repeating: gRow[o]) * v0
                    c0 += SIMD4<Float>(repeating: gRow[o1]) * v0
                    xRow += inSize
                    gRow += outSize
                }
                store4(a0, r0 + i)
                if pair { store4(c0, r1 + i) }
                i += 4
            }
            while i < inSize {
                var s0 = r0[i], s1 = r1[i]
                for r in 0..<rows {
                    let v = x[r * inSize + i]
                    s0 += dy[r * outSize + o] * v
                    s1 += dy[r * outSize + o1] * v
                }
                r0[i] = s0
                if pair { r1[i] = s1 }
                i += 1
            }
            o += pair ? 2 : 1
        }
        for r in 0..<rows {
            let g = dy + r * outSize
            for o in 0..<outSize { db[o] += g[o] }
        }
    }
}
