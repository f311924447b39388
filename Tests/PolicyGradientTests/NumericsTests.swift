import Foundation
import TestSupport
import Testing

@testable import PolicyGradient

/// An independent Double-precision reference: naive loops, exact `Foundation.tanh`.
enum Reference {
    /// One MLP (same flat layout as `MLP`: W_0, b_0, W_1, b_1, ...) applied to one input.
    static func mlp(
        _ theta: [Double], offset: Int, sizes: [Int], activation: ActivationFunction, activateOutput: Bool = false,
        input: [Double]
    ) -> [Double] {
        var a = input
        var position = offset
        for l in 0..<(sizes.count - 1) {
            let n = sizes[l], m = sizes[l + 1]
            var y = [Double](repeating: 0, count: m)
            for o in 0..<m {
                var s = theta[position + n * m + o]
                for i in 0..<n { s += theta[position + o * n + i] * a[i] }
                y[o] = s
            }
            position += n * m + m
            if l < sizes.count - 2 || activateOutput {
                y = y.map { activation == .tanh ? Foundation.tanh($0) : Swift.max($0, 0) }
            }
            a = y
        }
        return a
    }

    static func logSoftmax(_ l: [Double]) -> [Double] {
        let top = l.max()!
        let s = Foundation.log(l.map { Foundation.exp($0 - top) }.reduce(0, +))
        return l.map { $0 - top - s }
    }

    static func entropy(_ l: [Double]) -> Double {
        logSoftmax(l).reduce(0) { $0 - Foundation.exp($1) * $1 }
    }

    /// Central differences `(f(θ + h e_k) − f(θ − h e_k)) / 2h` in Double.
    static func gradient(_ theta: [Double], step h: Double = 1e-6, _ f: ([Double]) -> Double) -> [Double] {
        var t = theta
        var g = [Double](repeating: 0, count: theta.count)
        for k in 0..<theta.count {
            let saved = t[k]
            t[k] = saved + h
            let up = f(t)
            t[k] = saved - h
            let down = f(t)
            t[k] = saved
            g[k] = (up - down) / (2 * h)
        }
        return g
    }

    /// Float analytic gradient vs Double finite differences: `|a − r| ≤ absolute + relative·|r|`.
    ///
    /// The analytic gradient carries Float rounding (~1e-7 relative per operation) and the
    /// fast tanh's error (≤ 5e-7 absolute, entering derivatives as `1 − y²`); Double central
    /// differences with h = 1e-6 are accurate to ~1e-9. Hence 2e-5 absolute + 1e-3 relative.
    static func expectClose(
        _ analytic: [Float], _ reference: [Double], absolute: Double = 2e-5, relative: Double = 1e-3,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(analytic.count == reference.count, sourceLocation: sourceLocation)
        var worst = 0.0
        var worstIndex = -1
        for k in 0..<Swift.min(analytic.count, reference.count) {
            let excess = abs(Double(analytic[k]) - reference[k]) - (absolute + relative * abs(reference[k]))
            if excess > worst {
                worst = excess
                worstIndex = k
            }
        }
        #expect(
            worstIndex < 0,
            "index \(worstIndex): analytic \(worstIndex >= 0 ? analytic[worstIndex] : 0) vs \(worstIndex >= 0 ? reference[worstIndex] : 0)",
            sourceLocation: sourceLocation)
        // Guard against a vacuous check: the gradient must not be all zeros.
        #expect(reference.contains { abs($0) > 1e-4 }, sourceLocation: sourceLocation)
    }

    static func randomFloats(_ n: Int, _ g: inout RandomGenerator, scale: Double = 1) -> [Float] {
        (0..<n).map { _ in Float(g.normal() * scale) }
    }
}

@Suite struct NumericsTests {
    @Test func fastTanhWithinStatedBoundOnDenseGrid() {
        var worst = 0.0
        var x = -10.0
        while x <= 10.0 {
            let error = abs(Double(FastTanh.evaluate(Float(x))) - Foundation.tanh(Double(Float(x))))
            worst = Swift.max(worst, error)
            x += 1e-5
        }
        #expect(worst <= Double(FastTanh.maxAbsoluteError))
        #expect(FastTanh.evaluate(0) == 0)
        #expect(FastTanh.evaluate(50) == 1 && FastTanh.evaluate(-50) == -1)
        #expect(FastTanh.evaluate(Float.greatestFiniteMagnitude) == 1)
    }

    @Test func fastTanhIsOdd() {
        var x: Float = -9
        while x <= 9 {
            #expect(FastTanh.evaluate(x) == -FastTanh.evaluate(-x))
            x += 0.001
        }
    }

    @Test func vectorTanhMatchesScalarBitwise() {
        var g = RandomGenerator(seed: 1, stream: .diagnostics)
        var values = Reference.randomFloats(1003, &g, scale: 4)
        let expected = values.map { FastTanh.evaluate($0) }
        values.withUnsafeMutableBufferPointer { FastTanh.apply($0.baseAddress!, count: $0.count) }
        #expect(values == expected)
    }

    /// Every remainder path of the blocked kernels (odd rows, widths not multiples of 4 or 16).
    @Test(arguments: [(1, 1, 1), (2, 4, 64), (3, 5, 3), (5, 19, 7), (8, 64, 64), (7, 33, 2), (4, 64, 1)])
    func denseKernelsMatchNaiveDouble(rows: Int, inSize: Int, outSize: Int) {
        var g = RandomGenerator(seed: UInt64(rows * 1000 + inSize * 10 + outSize), stream: .diagnostics)
        let w = Reference.randomFloats(outSize * inSize, &g)
        let b = Reference.randomFloats(outSize, &g)
        let x = Reference.randomFloats(rows * inSize, &g)
        let dy = Reference.randomFloats(rows * outSize, &g)
        let dw0 = Reference.randomFloats(outSize * inSize, &g)
        let db0 = Reference.randomFloats(outSize, &g)
        var y = [Float](repeating: 0, count: rows * outSize)
        var dx = [Float](repeating: 0, count: rows * inSize)
        var dw = dw0, db = db0
        DenseKernels.affine(weights: w, bias: b, input: x, output: &y, rows: rows, inSize: inSize, outSize: outSize)
        DenseKernels.transposedProduct(
            weights: w, outputGradient: dy, inputGradient: &dx, rows: rows, inSize: inSize, outSize: outSize)
        DenseKernels.accumulateOuterProducts(
            outputGradient: dy, input: x, weightGradient: &dw, biasGradient: &db,
            rows: rows, inSize: inSize, outSize: outSize)
        // Float sums of up to 64 unit-scale products: 1e-5 relative to the sum of |terms| (m), plus 1e-5.
        for r in 0..<rows {
            for o in 0..<outSize {
                var s = Double(b[o]), m = abs(Double(b[o]))
                for i in 0..<inSize {
                    s += Double(w[o * inSize + i]) * Double(x[r * inSize + i])
                    m += abs(Double(w[o * inSize + i]) * Double(x[r * inSize + i]))
                }
                #expect(isClose(Double(y[r * outSize + o]), s, absolute: 1e-5 * (m + 1)))
            }
            for i in 0..<inSize {
                var s = 0.0, m = 0.0
                for o in 0..<outSize {
                    s += Double(dy[r * outSize + o]) * Double(w[o * inSize + i])
                    m += abs(Double(dy[r * outSize + o]) * Double(w[o * inSize + i]))
                }
                #expect(isClose(Double(dx[r * inSize + i]), s, absolute: 1e-5 * (m + 1)))
            }
        }
        for o in 0..<outSize {
            for i in 0..<inSize {
                var s = Double(dw0[o * inSize + i]), m = abs(s)
                for r in 0..<rows {
                    s += Double(dy[r * outSize + o]) * Double(x[r * inSize + i])
                    m += abs(Double(dy[r * outSize + o]) * Double(x[r * inSize + i]))
                }
                #expect(isClose(Double(dw[o * inSize + i]), s, absolute: 1e-5 * (m + 1)))
            }
            var s = Double(db0[o]), m = abs(s)
            for r in 0..<rows {
                s += Double(dy[r * outSize + o])
                m += abs(Double(dy[r * outSize + o]))
            }
            #expect(isClose(Double(db[o]), s, absolute: 1e-5 * (m + 1)))
        }
    }

    /// torch.nn.init.orthogonal_: W Wᵀ = gain² I (out ≤ in) or Wᵀ W = gain² I, within 1e-5.
    @Test(arguments: [(64, 4), (4, 64), (64, 64), (2, 64), (1, 64), (64, 1), (7, 5)])
    func orthogonalInitIsOrthogonalWithGain(rows: Int, cols: Int) {
        var g = RandomGenerator(seed: 3, stream: .initialization)
        for gain: Float in [Float(2).squareRoot(), 0.01, 1] {
            var w = [Float](repeating: 0, count: rows * cols)
            w.withUnsafeMutableBufferPointer {
                WeightInitialization.orthogonal.fill($0.baseAddress!, rows: rows, cols: cols, gain: gain, using: &g)
            }
            let n = Swift.min(rows, cols)
            let wide = rows <= cols
            var worst = 0.0
            for p in 0..<n {
                for q in 0..<n {
                    var s = 0.0
                    for k in 0..<(wide ? cols : rows) {
                        s += wide
                            ? Double(w[p * cols + k]) * Double(w[q * cols + k])
                            : Double(w[k * cols + p]) * Double(w[k * cols + q])
                    }
                    let target = p == q ? Double(gain) * Double(gain) : 0
                    worst = Swift.max(worst, abs(s - target))
                }
            }
            #expect(worst <= 1e-5, "gain \(gain): deviation \(worst)")
        }
    }

    /// The sign correction: the Q factor of A = QR with diag(R) > 0, so Qᵀ A is upper triangular
    /// with a positive diagonal. Recreates A from the same seed.
    @Test func orthogonalInitIsSignCorrectedQFactor() {
        let rows = 6, cols = 4
        var g1 = RandomGenerator(seed: 11, stream: .initialization)
        var g2 = g1
        let q = WeightInitialization.orthogonalMatrix(rows: rows, cols: cols, using: &g1)
        let a = (0..<(rows * cols)).map { _ in g2.normal() }
        for i in 0..<cols {
            for j in 0..<cols {
                var r = 0.0
                for k in 0..<rows { r += q[k * cols + i] * a[k * cols + j] }
                if i > j { #expect(abs(r) < 1e-10) }
                if i == j { #expect(r > 0) }
            }
        }
    }

    @Test func normalInitHasVarianceOneOverFanIn() {
        var g = RandomGenerator(seed: 5, stream: .initialization)
        let rows = 200, cols = 50
        var w = [Float](repeating: 0, count: rows * cols)
        w.withUnsafeMutableBufferPointer {
            WeightInitialization.normal.fill($0.baseAddress!, rows: rows, cols: cols, gain: 1, using: &g)
        }
        let mean = w.reduce(0.0) { $0 + Double($1) } / Double(w.count)
        let variance = w.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(w.count)
        // 10,000 draws: standard errors are 0.0014 (mean) and 0.0003 (variance); 5 s.e. allowed.
        #expect(abs(mean) < 0.007)
        #expect(abs(variance - 1.0 / 50) < 0.0015)
    }
}
