extension DenseKernels {
    /// Weight and bias gradients of `Y = X Wᵀ + b`, accumulated:
    /// `dW[o, i] += Σ_r dY[r, o] X[r, i]` and `db[o] += Σ_r dY[r, o]` (sums in row order).
    ///
    /// Each element adds its terms to its own running value, rows in order; the blocking below
    /// only chooses which elements advance together.
    public static func accumulateOuterProducts(
        outputGradient dy: UnsafePointer<Float>, input x: UnsafePointer<Float>,
        weightGradient dw: UnsafeMutablePointer<Float>, biasGradient db: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int
    ) {
        let in16 = inSize & ~15
        let in4 = inSize & ~3
        if in16 > 0 {
            var o = 0
            while o + 4 <= outSize {
                outerProductFourOutputs(dy: dy, x: x, dw: dw, rows: rows, inSize: inSize, outSize: outSize, o: o, in16: in16)
                o += 4
            }
            while o + 2 <= outSize {
                outerProductTwoOutputs(dy: dy, x: x, dw: dw, rows: rows, inSize: inSize, outSize: outSize, o: o, in16: in16)
                o += 2
            }
            if o < outSize {
                outerProductOneOutput(dy: dy, x: x, dw: dw, rows: rows, inSize: inSize, outSize: outSize, o: o, in16: in16)
            }
        }
        if in4 > in16 {
            outerProductNarrowColumns(dy: dy, x: x, dw: dw, rows: rows, inSize: inSize, outSize: outSize, from: in16, to: in4)
        }
        if inSize > in4 {
            for o in 0..<outSize {
                let ro = dw + o * inSize
                for i in in4..<inSize {
                    var s = ro[i]
                    for r in 0..<rows { s += dy[r * outSize + o] * x[r * inSize + i] }
                    ro[i] = s
                }
            }
        }
        for r in 0..<rows {
            let g = dy + r * outSize
            for o in 0..<outSize { db[o] += g[o] }
        }
    }

    /// `dW[o..<o+4, 0..<in16]`, blocked 4 outputs × 8 inputs; the four gradients of a row are
    /// loaded as one vector and broadcast lane by lane.
    @inline(never) @usableFromInline
    static func outerProductFourOutputs(
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int, o: Int, in16: Int
    ) {
        let r0 = dw + o * inSize
        let r1 = r0 + inSize, r2 = r1 + inSize, r3 = r2 + inSize
        var i = 0
        while i < in16 {
            var a0 = load4(r0 + i), a1 = load4(r0 + i + 4)
            var b0 = load4(r1 + i), b1 = load4(r1 + i + 4)
            var c0 = load4(r2 + i), c1 = load4(r2 + i + 4)
            var d0 = load4(r3 + i), d1 = load4(r3 + i + 4)
            var xRow = x + i
            var gRow = dy + o
            for _ in 0..<rows {
                let g = load4(gRow)
                let v0 = load4(xRow), v1 = load4(xRow + 4)
                let e0 = SIMD4<Float>(repeating: g[0]), e1 = SIMD4<Float>(repeating: g[1])
                let e2 = SIMD4<Float>(repeating: g[2]), e3 = SIMD4<Float>(repeating: g[3])
                a0 += e0 * v0; a1 += e0 * v1
                b0 += e1 * v0; b1 += e1 * v1
                c0 += e2 * v0; c1 += e2 * v1
                d0 += e3 * v0; d1 += e3 * v1
                xRow += inSize
                gRow += outSize
            }
            store4(a0, r0 + i); store4(a1, r0 + i + 4)
            store4(b0, r1 + i); store4(b1, r1 + i + 4)
            store4(c0, r2 + i); store4(c1, r2 + i + 4)
            store4(d0, r3 + i); store4(d1, r3 + i + 4)
            i += 8
        }
    }

    /// `dW[o..<o+2, 0..<in16]`, blocked 2 outputs × 16 inputs, so each loaded slice of `X` serves
    /// two rows of `dW`.
    @inline(never) @usableFromInline
    static func outerProductTwoOutputs(
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int, o: Int, in16: Int
    ) {
        let r0 = dw + o * inSize
        let r1 = r0 + inSize
        var i = 0
        while i < in16 {
            var a0 = load4(r0 + i), a1 = load4(r0 + i + 4), a2 = load4(r0 + i + 8), a3 = load4(r0 + i + 12)
            var c0 = load4(r1 + i), c1 = load4(r1 + i + 4), c2 = load4(r1 + i + 8), c3 = load4(r1 + i + 12)
            var xRow = x + i
            var gRow = dy + o
            for _ in 0..<rows {
                let e0 = SIMD4<Float>(repeating: gRow[0])
                let e1 = SIMD4<Float>(repeating: gRow[1])
                let v0 = load4(xRow), v1 = load4(xRow + 4), v2 = load4(xRow + 8), v3 = load4(xRow + 12)
                a0 += e0 * v0; a1 += e0 * v1; a2 += e0 * v2; a3 += e0 * v3
                c0 += e1 * v0; c1 += e1 * v1; c2 += e1 * v2; c3 += e1 * v3
                xRow += inSize
                gRow += outSize
            }
            store4(a0, r0 + i); store4(a1, r0 + i + 4); store4(a2, r0 + i + 8); store4(a3, r0 + i + 12)
            store4(c0, r1 + i); store4(c1, r1 + i + 4); store4(c2, r1 + i + 8); store4(c3, r1 + i + 12)
            i += 16
        }
    }

    /// `dW[o, 0..<in16]` of a single output, 32 inputs at a time where possible, so that eight
    /// independent sums are in flight.
    @inline(never) @usableFromInline
    static func outerProductOneOutput(
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int, o: Int, in16: Int
    ) {
        let r0 = dw + o * inSize
        var i = 0
        while i + 32 <= in16 {
            var a0 = load4(r0 + i), a1 = load4(r0 + i + 4), a2 = load4(r0 + i + 8), a3 = load4(r0 + i + 12)
            var a4 = load4(r0 + i + 16), a5 = load4(r0 + i + 20), a6 = load4(r0 + i + 24), a7 = load4(r0 + i + 28)
            var xRow = x + i
            var gRow = dy + o
            for _ in 0..<rows {
                let e = SIMD4<Float>(repeating: gRow[0])
                a0 += e * load4(xRow); a1 += e * load4(xRow + 4); a2 += e * load4(xRow + 8); a3 += e * load4(xRow + 12)
                a4 += e * load4(xRow + 16); a5 += e * load4(xRow + 20); a6 += e * load4(xRow + 24); a7 += e * load4(xRow + 28)
                xRow += inSize
                gRow += outSize
            }
            store4(a0, r0 + i); store4(a1, r0 + i + 4); store4(a2, r0 + i + 8); store4(a3, r0 + i + 12)
            store4(a4, r0 + i + 16); store4(a5, r0 + i + 20); store4(a6, r0 + i + 24); store4(a7, r0 + i + 28)
            i += 32
        }
        while i < in16 {
            var a0 = load4(r0 + i), a1 = load4(r0 + i + 4), a2 = load4(r0 + i + 8), a3 = load4(r0 + i + 12)
            var xRow = x + i
            var gRow = dy + o
            for _ in 0..<rows {
                let e = SIMD4<Float>(repeating: gRow[0])
                a0 += e * load4(xRow); a1 += e * load4(xRow + 4); a2 += e * load4(xRow + 8); a3 += e * load4(xRow + 12)
                xRow += inSize
                gRow += outSize
            }
            store4(a0, r0 + i); store4(a1, r0 + i + 4); store4(a2, r0 + i + 8); store4(a3, r0 + i + 12)
            i += 16
        }
    }

    /// `dW[0..<outSize, from..<to]` in 4-input slices, 8 outputs at a time, so that each loaded
    /// slice of `X` serves eight rows of `dW` and eight independent sums are in flight.
    @inline(never) @usableFromInline
    static func outerProductNarrowColumns(
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int, from: Int, to: Int
    ) {
        var i = from
        while i < to {
            var o = 0
            while o + 8 <= outSize {
                let d = dw + o * inSize + i
                var a0 = load4(d), a1 = load4(d + inSize), a2 = load4(d + 2 * inSize), a3 = load4(d + 3 * inSize)
                var a4 = load4(d + 4 * inSize), a5 = load4(d + 5 * inSize), a6 = load4(d + 6 * inSize), a7 = load4(d + 7 * inSize)
                var xRow = x + i
                var gRow = dy + o
                for _ in 0..<rows {
                    let v = load4(xRow)
                    a0 += SIMD4<Float>(repeating: gRow[0]) * v; a1 += SIMD4<Float>(repeating: gRow[1]) * v
                    a2 += SIMD4<Float>(repeating: gRow[2]) * v; a3 += SIMD4<Float>(repeating: gRow[3]) * v
                    a4 += SIMD4<Float>(repeating: gRow[4]) * v; a5 += SIMD4<Float>(repeating: gRow[5]) * v
                    a6 += SIMD4<Float>(repeating: gRow[6]) * v; a7 += SIMD4<Float>(repeating: gRow[7]) * v
                    xRow += inSize
                    gRow += outSize
                }
                store4(a0, d); store4(a1, d + inSize); store4(a2, d + 2 * inSize); store4(a3, d + 3 * inSize)
                store4(a4, d + 4 * inSize); store4(a5, d + 5 * inSize); store4(a6, d + 6 * inSize); store4(a7, d + 7 * inSize)
                o += 8
            }
            while o < outSize {
                let d = dw + o * inSize + i
                var a0 = load4(d)
                var xRow = x + i
                var gRow = dy + o
                for _ in 0..<rows {
                    a0 += SIMD4<Float>(repeating: gRow[0]) * load4(xRow)
                    xRow += inSize
                    gRow += outSize
                }
                store4(a0, d)
                o += 1
            }
            i += 4
        }
    }
}
