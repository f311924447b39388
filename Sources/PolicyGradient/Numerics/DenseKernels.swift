/// Small dense Float32 kernels for batched fully connected layers, register-blocked with SIMD.
///
/// Shapes (row-major, flat): a batch `X` is `[rows × inSize]`, a weight matrix `W` is
/// `[outSize × inSize]` (PyTorch's `nn.Linear` layout), a bias `b` is `[outSize]`, and a batch
/// `Y` or `dY` is `[rows × outSize]`. Sums run in a fixed order, multiply and add are never
/// fused, so results are bitwise reproducible. No kernel allocates. This file holds the forward
/// pass; the two backward products are in `DenseKernels+InputGradient.swift` and
/// `DenseKernels+WeightGradient.swift`.
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
    /// Every output sums in one order: four partial sums over the inputs `i ≡ 0, 1, 2, 3 (mod 4)`
    /// up to the last multiple of 4, combined as `(s₀ + s₁) + (s₂ + s₃)`, then the remaining
    /// inputs one by one, then the bias. The blocking below changes which outputs are computed
    /// together, never that order.
    public static func affine(
        weights w: UnsafePointer<Float>, bias b: UnsafePointer<Float>,
        input x: UnsafePointer<Float>, output y: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int
    ) {
        let blocked = outSize & ~3
        if inSize < 8 {
            affineNarrowInput(
                weights: w, bias: b, input: x, output: y, rows: rows, inSize: inSize, outSize: outSize, outputs: blocked)
        } else {
            affineWide(weights: w, bias: b, input: x, output: y, rows: rows, inSize: inSize, outSize: outSize, outputs: blocked)
        }
        for o in blocked..<outSize {
            affineSingleOutput(weights: w, bias: b, input: x, output: y, rows: rows, inSize: inSize, outSize: outSize, o: o)
        }
    }

    /// Outputs `0..<outputs` (a multiple of 4) of `affine`, blocked 4 outputs × 2 rows, so each
    /// loaded slice of `W` serves two samples; the partial sums run along the inputs in the lanes.
    @inline(never) @usableFromInline
    static func affineWide(
        weights w: UnsafePointer<Float>, bias b: UnsafePointer<Float>,
        input x: UnsafePointer<Float>, output y: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int, outputs: Int
    ) {
        let in4 = inSize & ~3
        var r = 0
        while r + 2 <= rows {
            let x0 = x + r * inSize
            let x1 = x0 + inSize
            let y0 = y + r * outSize
            let y1 = y0 + outSize
            var o = 0
            while o < outputs {
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
            r += 2
        }
        if r < rows {
            let x0 = x + r * inSize
            let y0 = y + r * outSize
            for o in 0..<outputs {
                y0[o] = dot(w + o * inSize, x0, inSize) + b[o]
            }
        }
    }

    /// Outputs `0..<outputs` (a multiple of 4) of `affine` for fewer than 8 inputs, with the
    /// outputs in the lanes: a 4-output block of `W` is held as columns in registers for every
    /// row, so no horizontal sum is needed. The lane arithmetic is that of `dot`, term by term
    /// (the partial sums start at +0, as `dot`'s accumulator does).
    @inline(never) @usableFromInline
    static func affineNarrowInput(
        weights w: UnsafePointer<Float>, bias b: UnsafePointer<Float>,
        input x: UnsafePointer<Float>, output y: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int, outputs: Int
    ) {
        let four = inSize >= 4
        let tail = inSize & 3
        let head = inSize - tail
        var o = 0
        while o < outputs {
            let block = w + o * inSize
            let c0 = column(block, 0, inSize), c1 = column(block, 1, inSize)
            let c2 = column(block, 2, inSize), c3 = column(block, 3, inSize)
            let t0 = column(block, head, inSize), t1 = column(block, head + 1, inSize)
            let t2 = column(block, head + 2, inSize)
            let bias = load4(b + o)
            let zero = SIMD4<Float>()
            var xr = x
            var yr = y + o
            if inSize == 4 {
                for _ in 0..<rows {
                    let p0 = zero + c0 * SIMD4(repeating: xr[0]), p1 = zero + c1 * SIMD4(repeating: xr[1])
                    let p2 = zero + c2 * SIMD4(repeating: xr[2]), p3 = zero + c3 * SIMD4(repeating: xr[3])
                    store4(((p0 + p1) + (p2 + p3)) + bias, yr)
                    xr += 4
                    yr += outSize
                }
            } else {
                for _ in 0..<rows {
                    var s = zero
                    if four {
                        let p0 = zero + c0 * SIMD4(repeating: xr[0]), p1 = zero + c1 * SIMD4(repeating: xr[1])
                        let p2 = zero + c2 * SIMD4(repeating: xr[2]), p3 = zero + c3 * SIMD4(repeating: xr[3])
                        s = (p0 + p1) + (p2 + p3)
                    }
                    if tail > 0 { s += t0 * SIMD4(repeating: xr[head]) }
                    if tail > 1 { s += t1 * SIMD4(repeating: xr[head + 1]) }
                    if tail > 2 { s += t2 * SIMD4(repeating: xr[head + 2]) }
                    store4(s + bias, yr)
                    xr += inSize
                    yr += outSize
                }
            }
            o += 4
        }
    }

    /// Column `i` of the 4 rows of `W` from `block` (zero beyond the last input).
    @inline(__always) @usableFromInline
    static func column(_ block: UnsafePointer<Float>, _ i: Int, _ inSize: Int) -> SIMD4<Float> {
        guard i < inSize else { return SIMD4<Float>() }
        let p = block + i
        return SIMD4(p[0], p[inSize], p[2 * inSize], p[3 * inSize])
    }

    /// Output `o` of `affine` for every row, blocked 4 rows at a time so that four independent
    /// sums are in flight (one output alone would wait on each addition's latency).
    @inline(never) @usableFromInline
    static func affineSingleOutput(
        weights w: UnsafePointer<Float>, bias b: UnsafePointer<Float>,
        input x: UnsafePointer<Float>, output y: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int, o: Int
    ) {
        let in4 = inSize & ~3
        let wo = w + o * inSize
        let bo = b[o]
        var r = 0
        while r + 4 <= rows {
            let x0 = x + r * inSize, x1 = x0 + inSize, x2 = x1 + inSize, x3 = x2 + inSize
            var a0 = SIMD4<Float>(), a1 = SIMD4<Float>(), a2 = SIMD4<Float>(), a3 = SIMD4<Float>()
            var i = 0
            while i < in4 {
                let v = load4(wo + i)
                a0 += v * load4(x0 + i)
                a1 += v * load4(x1 + i)
                a2 += v * load4(x2 + i)
                a3 += v * load4(x3 + i)
                i += 4
            }
            var s0 = total(a0), s1 = total(a1), s2 = total(a2), s3 = total(a3)
            while i < inSize {
                s0 += wo[i] * x0[i]; s1 += wo[i] * x1[i]; s2 += wo[i] * x2[i]; s3 += wo[i] * x3[i]
                i += 1
            }
            let yo = y + r * outSize + o
            yo[0] = s0 + bo
            yo[outSize] = s1 + bo
            yo[2 * outSize] = s2 + bo
            yo[3 * outSize] = s3 + bo
            r += 4
        }
        while r < rows {
            y[r * outSize + o] = dot(wo, x + r * inSize, inSize) + bo
            r += 1
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
}
