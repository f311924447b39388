import Foundation

/// Adam, PyTorch's `torch.optim.Adam` (no weight decay, not amsgrad), arranged as PyTorch computes it.
///
/// At step `t = 1, 2, ...` with gradient `g`:
/// - `m ← β1·m + (1 − β1)·g`, `v ← β2·v + (1 − β2)·g²`
/// - `θ ← θ − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)`
///
/// which is `θ ← θ − lr · m̂ / (√v̂ + ε)` with `m̂ = m/(1 − β1^t)`, `v̂ = v/(1 − β2^t)`.
/// The bias corrections are computed in Double, as PyTorch does in Python.
public final class Adam: Optimizer {
    public let count: Int
    public let beta1: Float
    public let beta2: Float
    public let eps: Float
    /// Steps taken (t).
    public private(set) var stepCount = 0
    private let m: UnsafeMutablePointer<Float>
    private let v: UnsafeMutablePointer<Float>

    /// Adam for `count` parameters.
    public init(count: Int, beta1: Float = 0.9, beta2: Float = 0.999, eps: Float = 1e-8) {
        self.count = count
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        m = .allocate(capacity: Swift.max(count, 1))
        m.initialize(repeating: 0, count: Swift.max(count, 1))
        v = .allocate(capacity: Swift.max(count, 1))
        v.initialize(repeating: 0, count: Swift.max(count, 1))
    }

    deinit {
        m.deallocate()
        v.deallocate()
    }

    public func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, learningRate lr: Float) {
        stepCount += 1
        let t = Double(stepCount)
        let correction1 = 1 - Foundation.pow(Double(beta1), t)
        let correction2 = 1 - Foundation.pow(Double(beta2), t)
        let stepSize = Float(Double(lr) / correction1)
        let correction2Root = Float(correction2.squareRoot())
        let b1 = beta1, b2 = beta2, oneMinusB1 = 1 - beta1, oneMinusB2 = 1 - beta2
        // Four lanes at a time (the same elementwise arithmetic as the scalar tail).
        let rawP = UnsafeMutableRawPointer(parameters), rawG = UnsafeRawPointer(gradient)
        let rawM = UnsafeMutableRawPointer(m), rawV = UnsafeMutableRawPointer(v)
        var i = 0
        while i + 4 <= count {
            let offset = i * 4
            let g = rawG.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            let mi = b1 * rawM.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self) + oneMinusB1 * g
            let vi = b2 * rawV.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self) + oneMinusB2 * (g * g)
            rawM.storeBytes(of: mi, toByteOffset: offset, as: SIMD4<Float>.self)
            rawV.storeBytes(of: vi, toByteOffset: offset, as: SIMD4<Float>.self)
            let denominator = vectorSquareRoot(vi) / correction2Root + eps
            let p = rawP.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            rawP.storeBytes(of: p - stepSize * (mi / denominator), toByteOffset: offset, as: SIMD4<Float>.self)
            i += 4
        }
        for i in i..<count {
            let g = gradient[i]
            let mi = b1 * m[i] + oneMinusB1 * g
            let vi = b2 * v[i] + oneMinusB2 * (g * g)
            m[i] = mi
            v[i] = vi
            let denominator = vi.squareRoot() / correction2Root + eps
            parameters[i] -= stepSize * (mi / denominator)
        }
    }
}

extension Adam {
    public var state: OptimizerState {
        OptimizerState(
            stepCount: stepCount,
            buffers: [Array(UnsafeBufferPointer(start: m, count: count)), Array(UnsafeBufferPointer(start: v, count: count))])
    }

    public func restore(_ state: OptimizerState) throws {
        try state.copy(0, into: m, count: count)
        try state.copy(1, into: v, count: count)
        stepCount = state.stepCount
    }
}
