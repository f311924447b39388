import Testing
@testable import PolicyGradient

/// `init: uniform`, PyTorch's default `nn.Linear` initialization: weights and biases
/// U(−1/√in, 1/√in), drawn weights then bias, layer by layer.
@Suite struct UniformInitializationTests {
    /// The moments of U(−b, b): mean 0, variance b²/3, fourth central moment b⁴/5.
    @Test func weightsAreUniformWithinOneOverRootFanIn() {
        var g = RandomGenerator(seed: 11, stream: .initialization)
        let rows = 256, cols = 64
        let bound = 1.0 / 8.0
        var w = [Float](repeating: 0, count: rows * cols)
        w.withUnsafeMutableBufferPointer {
            WeightInitialization.uniform.fill($0.baseAddress!, rows: rows, cols: cols, gain: 0.01, using: &g)
        }
        let n = Double(w.count)
        #expect(w.allSatisfy { abs(Double($0)) <= bound })
        let mean = w.reduce(0.0) { $0 + Double($1) } / n
        let variance = w.reduce(0.0) { $0 + Double($1) * Double($1) } / n
        // Standard errors over 16,384 draws: mean b/√(3n) = 5.6e-4; variance
        // b²·√((1/5 − 1/9)/n) = 3.6e-5. Five standard errors allowed (fixed seed).
        #expect(abs(mean) < 5 * bound / (3 * n).squareRoot())
        #expect(abs(variance - bound * bound / 3) < 5 * bound * bound * ((1.0 / 5 - 1.0 / 9) / n).squareRoot())
        // The draws fill the interval: the extremes lie within 0.1% of the bounds
        // (P(max < 0.999 b) = 0.9995^16384 ≈ 3e-4).
        #expect(Double(w.max()!) > 0.999 * bound && Double(w.min()!) < -0.999 * bound)
        // The gain is ignored: a larger one draws the same matrix.
        var h = RandomGenerator(seed: 11, stream: .initialization)
        var v = [Float](repeating: 0, count: rows * cols)
        v.withUnsafeMutableBufferPointer {
            WeightInitialization.uniform.fill($0.baseAddress!, rows: rows, cols: cols, gain: 2, using: &h)
        }
        #expect(v == w)
    }

    /// Every layer of an MLP: `W_l` (row-major) then `b_l`, each from U(−1/√in, 1/√in), in the
    /// generator's order, and the output layer ignores the 0.01 gain orthogonal init would use.
    @Test func mlpLayersDrawWeightsThenBiasesInOrder() {
        let sizes = [3, 5, 2]
        let net = MLP(sizes: sizes, activation: .tanh)
        var g = RandomGenerator(seed: 4, stream: .initialization)
        net.initialize(.uniform, outputGain: 0.01, using: &g)
        var reference = RandomGenerator(seed: 4, stream: .initialization)
        for l in 0..<2 {
            let bound = 1 / Double(sizes[l]).squareRoot()
            for k in 0..<(sizes[l + 1] * sizes[l]) {
                #expect(net.weights(layer: l)[k] == Float(reference.uniform(-bound, bound)))
            }
            for o in 0..<sizes[l + 1] {
                #expect(net.bias(layer: l)[o] == Float(reference.uniform(-bound, bound)))
            }
        }
        // The generator was left where the last bias was drawn.
        #expect(g.next() == reference.next())
    }

    /// Biases over many layers: within the bound, centred, with variance b²/3.
    @Test func biasesAreUniformWithinOneOverRootFanIn() {
        var g = RandomGenerator(seed: 2, stream: .initialization)
        let rows = 20_000, fanIn = 25
        let bound = 1.0 / 5.0
        var b = [Float](repeating: 0, count: rows)
        b.withUnsafeMutableBufferPointer {
            WeightInitialization.uniform.fillBias($0.baseAddress!, rows: rows, fanIn: fanIn, using: &g)
        }
        let n = Double(rows)
        #expect(b.allSatisfy { abs(Double($0)) <= bound })
        let mean = b.reduce(0.0) { $0 + Double($1) } / n
        let variance = b.reduce(0.0) { $0 + Double($1) * Double($1) } / n
        #expect(abs(mean) < 5 * bound / (3 * n).squareRoot())
        #expect(abs(variance - bound * bound / 3) < 5 * bound * bound * ((1.0 / 5 - 1.0 / 9) / n).squareRoot())
        // Other schemes keep biases at 0 and draw nothing.
        var before = RandomGenerator(seed: 2, stream: .initialization)
        var after = before
        b.withUnsafeMutableBufferPointer {
            WeightInitialization.orthogonal.fillBias($0.baseAddress!, rows: rows, fanIn: fanIn, using: &after)
        }
        #expect(b.allSatisfy { $0 == 0 } && after.next() == before.next())
    }
}
