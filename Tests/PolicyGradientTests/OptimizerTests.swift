import Foundation
import Testing

@testable import PolicyGradient

@Suite struct OptimizerTests {
    /// Runs `steps` updates with random gradients through `optimizer`, and the same updates through
    /// `reference` (Double), comparing θ after each step: relative 2e-5 (Float rounding, a few steps).
    static func compare(
        _ optimizer: any Optimizer, steps: Int = 6, learningRate: Float,
        reference: (inout [Double], [Double], Int) -> Void
    ) {
        var g = RandomGenerator(seed: 17, stream: .diagnostics)
        let count = optimizer.count
        let buffer = ParameterBuffer(count: count)
        buffer.parameterArray = Reference.randomFloats(count, &g)
        var theta = buffer.parameterArray.map(Double.init)
        for t in 1...steps {
            // Gradients over several magnitudes, including exact zeros.
            let gradient = (0..<count).map { k -> Float in k % 7 == 0 ? 0 : Float(g.normal() * pow(10, Double(k % 4) - 2)) }
            buffer.gradientArray = gradient
            optimizer.step(buffer, learningRate: learningRate)
            reference(&theta, gradient.map(Double.init), t)
            let current = buffer.parameterArray
            for k in 0..<count {
                #expect(abs(Double(current[k]) - theta[k]) <= 2e-5 * (abs(theta[k]) + 1e-3), "step \(t) index \(k)")
            }
        }
    }

    @Test func sgdWithMomentumFollowsTorch() {
        let mu = 0.9, lr = 0.05
        var buf: [Double] = []
        OptimizerTests.compare(SGD(count: 23, momentum: Float(mu)), learningRate: Float(lr)) { theta, grad, t in
            buf = t == 1 ? grad : zip(buf, grad).map { mu * $0 + $1 }
            for k in theta.indices { theta[k] -= lr * buf[k] }
        }
        OptimizerTests.compare(SGD(count: 23), learningRate: Float(lr)) { theta, grad, _ in
            for k in theta.indices { theta[k] -= lr * grad[k] }
        }
    }

    @Test func adamFollowsTorch() {
        let b1 = 0.9, b2 = 0.999, eps = 1e-8, lr = 1e-2
        var m = [Double](repeating: 0, count: 23), v = m
        OptimizerTests.compare(Adam(count: 23), learningRate: Float(lr)) { theta, grad, t in
            for k in theta.indices {
                m[k] = b1 * m[k] + (1 - b1) * grad[k]
                v[k] = b2 * v[k] + (1 - b2) * grad[k] * grad[k]
                let mHat = m[k] / (1 - pow(b1, Double(t)))
                let vHat = v[k] / (1 - pow(b2, Double(t)))
                theta[k] -= lr * mHat / (vHat.squareRoot() + eps)
            }
        }
    }

    @Test func rmspropFollowsTorch() {
        for (alpha, eps) in [(0.99, 1e-8), (0.99, 1e-5), (0.9, 1e-3)] {
            let lr = 7e-4
            var v = [Double](repeating: 0, count: 23)
            OptimizerTests.compare(RMSprop(count: 23, alpha: Float(alpha), eps: Float(eps)), learningRate: Float(lr)) {
                theta, grad, _ in
                for k in theta.indices {
                    v[k] = alpha * v[k] + (1 - alpha) * grad[k] * grad[k]
                    theta[k] -= lr * grad[k] / (v[k].squareRoot() + eps)
                }
            }
        }
    }

    @Test func configurationBuildsTheNamedOptimizer() {
        #expect(OptimizerConfiguration.adam().makeOptimizer(count: 3) is Adam)
        #expect(OptimizerConfiguration.sgd(momentum: 0.5).makeOptimizer(count: 3) is SGD)
        let r = OptimizerConfiguration.rmsprop(alpha: 0.99, eps: 1e-5).makeOptimizer(count: 3) as? RMSprop
        #expect(r?.eps == 1e-5 && r?.alpha == 0.99)
    }

    /// clip_grad_norm_ over two buffers (one passed twice, counted once): total = √Σg²,
    /// scaled by max_norm/(total + 1e-6) only when that is below 1.
    @Test func clipGlobalNormMatchesDirectComputation() {
        var g = RandomGenerator(seed: 23, stream: .diagnostics)
        let a = ParameterBuffer(count: 30), b = ParameterBuffer(count: 11)
        let ga = Reference.randomFloats(30, &g), gb = Reference.randomFloats(11, &g, scale: 3)
        a.gradientArray = ga
        b.gradientArray = gb
        let exact = (ga + gb).reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        let total = GradientClipping.clipGlobalNorm([a, b, a], maxNorm: 0.5)
        #expect(abs(Double(total) - exact) < 1e-6 * exact)
        let coef = 0.5 / (exact + 1e-6)
        for k in 0..<30 { #expect(abs(Double(a.gradient[k]) - Double(ga[k]) * coef) < 1e-6) }
        for k in 0..<11 { #expect(abs(Double(b.gradient[k]) - Double(gb[k]) * coef) < 1e-6) }
        let clipped = GradientClipping.globalNorm([a, b])
        #expect(abs(Double(clipped) - 0.5) < 1e-5)
        // Below the threshold nothing changes.
        a.gradientArray = ga
        b.gradientArray = gb
        let unclipped = GradientClipping.clipGlobalNorm([a, b], maxNorm: Float(exact) * 2)
        #expect(abs(Double(unclipped) - exact) < 1e-6 * exact)
        #expect(a.gradientArray == ga && b.gradientArray == gb)
    }

    @Test func learningRateSchedules() {
        #expect(LearningRateSchedule.constant.learningRate(base: 7e-4, stepsDone: 500, totalSteps: 1000) == 7e-4)
        let linear = LearningRateSchedule.linear
        #expect(linear.learningRate(base: 1e-3, stepsDone: 0, totalSteps: 1000) == 1e-3)
        #expect(abs(linear.learningRate(base: 1e-3, stepsDone: 250, totalSteps: 1000) - 7.5e-4) < 1e-10)
        #expect(linear.learningRate(base: 1e-3, stepsDone: 1000, totalSteps: 1000) == 0)
    }
}
