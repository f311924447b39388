import Foundation
import Testing

@testable import PolicyGradient

@Suite struct NetworkTests {
    /// Gradient of `L = Σ_r Σ_o u_ro · out_ro` through the MLP: ∂L/∂θ and ∂L/∂input against
    /// Double finite differences of an independent reference forward (tolerance: `Reference.expectClose`).
    @Test(arguments: [
        ([4, 64, 64, 2], ActivationFunction.tanh, false), ([4, 64, 64, 2], ActivationFunction.relu, false),
        ([3, 5], ActivationFunction.tanh, false), ([6, 7, 9], ActivationFunction.tanh, true), ([5, 17, 3, 1], ActivationFunction.relu, false), ([6, 9, 8], ActivationFunction.relu, true),
    ])
    func mlpGradientMatchesFiniteDifferences(sizes: [Int], activation: ActivationFunction, activateOutput: Bool) {
        var g = RandomGenerator(seed: 21, stream: .initialization)
        let net = MLP(sizes: sizes, activation: activation, activateOutput: activateOutput, capacity: 2)
        net.initialize(.normal, outputGain: 1, using: &g)
        // Nonzero biases so their gradients are exercised through nontrivial activations.
        for l in 0..<net.layerCount {
            for o in 0..<sizes[l + 1] { net.bias(layer: l)[o] = Float(g.normal() * 0.3) }
        }
        let rows = 5
        let input = Reference.randomFloats(rows * sizes[0], &g)
        let u = Reference.randomFloats(rows * sizes.last!, &g)
        // Two forward calls into rows 0..<2 and 2..<5 (growing the workspace), one backward over all.
        input.withUnsafeBufferPointer { p in
            net.forward(p.baseAddress!, count: 2, row: 0)
            net.forward(p.baseAddress! + 2 * sizes[0], count: 3, row: 2)
        }
        var inputGradient = [Float](repeating: 0, count: rows * sizes[0])
        net.buffer.zeroGradient()
        net.backward(outputGradient: u, count: rows, row: 0, inputGradient: &inputGradient)

        let theta = net.buffer.parameterArray.map(Double.init)
        let x = input.map(Double.init)
        func loss(_ t: [Double], _ x: [Double]) -> Double {
            var total = 0.0
            for r in 0..<rows {
                let out = Reference.mlp(
                    t, offset: 0, sizes: sizes, activation: activation, activateOutput: activateOutput,
                    input: Array(x[(r * sizes[0])..<((r + 1) * sizes[0])]))
                for o in 0..<out.count { total += Double(u[r * out.count + o]) * out[o] }
            }
            return total
        }
        Reference.expectClose(net.buffer.gradientArray, Reference.gradient(theta) { loss($0, x) })
        Reference.expectClose(inputGradient, Reference.gradient(x) { loss(theta, $0) })
        // The outputs themselves agree with the reference (fast tanh vs exact, Float rounding).
        for r in 0..<rows {
            let exact = Reference.mlp(
                theta, offset: 0, sizes: sizes, activation: activation, activateOutput: activateOutput,
                input: Array(x[(r * sizes[0])..<((r + 1) * sizes[0])]))
            for o in 0..<exact.count { #expect(abs(Double(net.output(row: r)[o]) - exact[o]) < 1e-4) }
        }
    }

    @Test func backwardAccumulatesAcrossCalls() {
        var g = RandomGenerator(seed: 2, stream: .initialization)
        let net = MLP(sizes: [3, 8, 2], activation: .tanh)
        net.initialize(.orthogonal, outputGain: 1, using: &g)
        let x = Reference.randomFloats(12, &g)
        let u = Reference.randomFloats(8, &g)
        net.forward(x, count: 4, row: 0)
        net.buffer.zeroGradient()
        net.backward(outputGradient: u, count: 4, row: 0)
        let once = net.buffer.gradientArray
        net.backward(outputGradient: u, count: 4, row: 0)
        let twice = net.buffer.gradientArray
        for k in 0..<once.count { #expect(abs(twice[k] - 2 * once[k]) <= 1e-6 * (1 + abs(once[k]))) }
    }

    @Test func initSchemesFollowTheConvention() {
        var g = RandomGenerator(seed: 9, stream: .initialization)
        let net = MLP(sizes: [4, 64, 64, 2], activation: .tanh)
        net.initialize(.orthogonal, outputGain: 0.01, using: &g)
        // Biases 0; the head's rows are orthogonal with norm 0.01 (2 ≤ 64), hidden columns norm √2.
        for l in 0..<3 { #expect((0..<net.sizes[l + 1]).allSatisfy { net.bias(layer: l)[$0] == 0 }) }
        let head = net.weights(layer: 2)
        let rowNorm = (0..<64).reduce(0.0) { $0 + Double(head[$1]) * Double(head[$1]) }.squareRoot()
        #expect(abs(rowNorm - 0.01) < 1e-6)
        let first = net.weights(layer: 0)
        let columnNorm = (0..<64).reduce(0.0) { $0 + Double(first[$1 * 4]) * Double(first[$1 * 4]) }.squareRoot()
        #expect(abs(columnNorm - 2.0.squareRoot()) < 1e-5)
        net.initialize(.zeros, outputGain: 1, using: &g)
        #expect(net.buffer.parameterArray.allSatisfy { $0 == 0 })
        // The same seed gives the same weights.
        var g1 = RandomGenerator(seed: 4, stream: .initialization)
        var g2 = RandomGenerator(seed: 4, stream: .initialization)
        let a = MLP(sizes: [4, 16, 2], activation: .tanh)
        let b = MLP(sizes: [4, 16, 2], activation: .tanh)
        a.initialize(.orthogonal, outputGain: 1, using: &g1)
        b.initialize(.orthogonal, outputGain: 1, using: &g2)
        #expect(a.buffer.parameterArray == b.buffer.parameterArray)
    }
}
