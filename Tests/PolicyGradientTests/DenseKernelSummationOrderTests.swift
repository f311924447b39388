import Testing

@testable import PolicyGradient

/// The dense kernels reproduce, bit for bit, naive scalar loops written in their documented
/// summation order, on every blocking path (narrow and wide inputs, single outputs, odd rows,
/// widths that are not multiples of 4, 8 or 16) and with signed zeros among the values, in
/// every compiled version this machine runs (a version it cannot run is reported, not passed).
struct DenseKernelSummationOrderTests {
    /// `(rows, inSize, outSize)`: the PPO minibatch shapes and every remainder combination.
    static let shapes: [(Int, Int, Int)] = {
        var shapes = [(256, 4, 64), (256, 64, 64), (256, 64, 2), (256, 64, 1), (8, 64, 64), (9, 33, 17),
                      (16, 5, 16), (12, 12, 24), (3, 70, 40), (17, 6, 10), (10, 40, 3)]
        for rows in [1, 2, 3, 5] {
            for inSize in [1, 2, 3, 4, 5, 7, 8, 9, 16, 19, 32, 36, 48] {
                for outSize in [1, 2, 3, 4, 5, 8, 9, 12] { shapes.append((rows, inSize, outSize)) }
            }
        }
        return shapes
    }()

    /// Uniform values in [-1, 1) with about one in eight replaced by +0 or -0.
    static func values(_ count: Int, _ generator: inout RandomGenerator) -> [Float] {
        (0..<count).map { _ in
            let u = generator.uniform()
            if u < 0.0625 { return 0 }
            if u < 0.125 { return -0.0 }
            return Float(generator.uniform(-1, 1))
        }
    }

    static func identical(_ a: [Float], _ b: [Float]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    /// `affine`'s order: four lane sums over `i ≡ 0...3 (mod 4)` below the last multiple of 4,
    /// `(s₀ + s₁) + (s₂ + s₃)`, the remaining inputs in order, then the bias.
    static func naiveAffine(_ w: [Float], _ b: [Float], _ x: [Float], rows: Int, inSize: Int, outSize: Int) -> [Float] {
        let head = inSize & ~3
        var y = [Float](repeating: 0, count: rows * outSize)
        for r in 0..<rows {
            for o in 0..<outSize {
                var lanes: [Float] = [0, 0, 0, 0]
                for i in 0..<head { lanes[i % 4] = lanes[i % 4] + w[o * inSize + i] * x[r * inSize + i] }
                var s = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
                for i in head..<inSize { s = s + w[o * inSize + i] * x[r * inSize + i] }
                y[r * outSize + o] = s + b[o]
            }
        }
        return y
    }

    /// `transposedProduct`'s order: from +0, the outputs in order.
    static func naiveTransposed(_ w: [Float], _ dy: [Float], rows: Int, inSize: Int, outSize: Int) -> [Float] {
        var dx = [Float](repeating: 0, count: rows * inSize)
        for r in 0..<rows {
            for i in 0..<inSize {
                var s: Float = 0
                for o in 0..<outSize { s = s + dy[r * outSize + o] * w[o * inSize + i] }
                dx[r * inSize + i] = s
            }
        }
        return dx
    }

    /// Whether `isa` runs here; prints why the test of a version is not run when it does not.
    static func runs(_ isa: DenseKernels.InstructionSet) -> Bool {
        if !isa.isSupported { print("DenseKernels \(isa.rawValue): not supported by this machine, not tested") }
        return isa.isSupported
    }

    @Test(arguments: DenseKernels.InstructionSet.allCases)
    func affineFollowsItsSummationOrder(isa: DenseKernels.InstructionSet) {
        guard Self.runs(isa) else { return }
        var generator = RandomGenerator(seed: 11, stream: .diagnostics)
        for (rows, inSize, outSize) in Self.shapes {
            let w = Self.values(outSize * inSize, &generator), b = Self.values(outSize, &generator)
            let x = Self.values(rows * inSize, &generator)
            var y = [Float](repeating: .nan, count: rows * outSize)
            DenseKernels.affine(weights: w, bias: b, input: x, output: &y, rows: rows, inSize: inSize, outSize: outSize,
                                using: isa)
            let expected = Self.naiveAffine(w, b, x, rows: rows, inSize: inSize, outSize: outSize)
            #expect(Self.identical(y, expected), "affine rows \(rows) in \(inSize) out \(outSize)")
        }
    }

    @Test(arguments: DenseKernels.InstructionSet.allCases)
    func transposedProductFollowsItsSummationOrder(isa: DenseKernels.InstructionSet) {
        guard Self.runs(isa) else { return }
        var generator = RandomGenerator(seed: 12, stream: .diagnostics)
        for (rows, inSize, outSize) in Self.shapes {
            let w = Self.values(outSize * inSize, &generator), dy = Self.values(rows * outSize, &generator)
            var dx = [Float](repeating: .nan, count: rows * inSize)
            DenseKernels.transposedProduct(
                weights: w, outputGradient: dy, inputGradient: &dx, rows: rows, inSize: inSize, outSize: outSize,
                using: isa)
            let expected = Self.naiveTransposed(w, dy, rows: rows, inSize: inSize, outSize: outSize)
            #expect(Self.identical(dx, expected), "transposedProduct rows \(rows) in \(inSize) out \(outSize)")
        }
    }

    /// `accumulateOuterProducts`' order: each element from its previous value, rows in order.
    @Test(arguments: DenseKernels.InstructionSet.allCases)
    func outerProductsFollowTheirSummationOrder(isa: DenseKernels.InstructionSet) {
        guard Self.runs(isa) else { return }
        var generator = RandomGenerator(seed: 13, stream: .diagnostics)
        for (rows, inSize, outSize) in Self.shapes {
            let dy = Self.values(rows * outSize, &generator), x = Self.values(rows * inSize, &generator)
            var dw = Self.values(outSize * inSize, &generator), db = Self.values(outSize, &generator)
            var expectedW = dw, expectedB = db
            for o in 0..<outSize {
                for i in 0..<inSize {
                    for r in 0..<rows {
                        expectedW[o * inSize + i] = expectedW[o * inSize + i] + dy[r * outSize + o] * x[r * inSize + i]
                    }
                }
                for r in 0..<rows { expectedB[o] = expectedB[o] + dy[r * outSize + o] }
            }
            DenseKernels.accumulateOuterProducts(
                outputGradient: dy, input: x, weightGradient: &dw, biasGradient: &db,
                rows: rows, inSize: inSize, outSize: outSize, using: isa)
            #expect(Self.identical(dw, expectedW), "weight gradient rows \(rows) in \(inSize) out \(outSize)")
            #expect(Self.identical(db, expectedB), "bias gradient rows \(rows) in \(inSize) out \(outSize)")
        }
    }

    /// The interleaved loop of `FastTanh.apply` gives each value exactly `evaluate(value)`, for
    /// counts around its 16- and 8-value steps.
    /// Also at the clamp bounds, beyond them, at ±0, ±∞ and NaN (whose payload passes through).
    @Test(arguments: DenseKernels.InstructionSet.allCases, [1, 7, 8, 15, 16, 17, 24, 31, 32, 33, 16384])
    func tanhApplyMatchesScalarBitwise(isa: DenseKernels.InstructionSet, count: Int) {
        guard Self.runs(isa) else { return }
        var generator = RandomGenerator(seed: UInt64(count), stream: .diagnostics)
        var values = (0..<count).map { _ in Float(generator.uniform(-9, 9)) }
        let special: [Float] = [7.90531110763549805, -7.90531110763549805, 0, -0.0, .infinity, -.infinity, .nan, 1e-30]
        for (k, value) in special.enumerated() where k < count { values[(k * 7) % count] = value }
        let expected = values.map { FastTanh.evaluate($0) }
        values.withUnsafeMutableBufferPointer { FastTanh.apply($0.baseAddress!, count: $0.count, using: isa) }
        #expect(Self.identical(values, expected))
    }
}
