/// RMSprop, PyTorch's `torch.optim.RMSprop` (non-centered, no momentum, no weight decay).
///
/// With gradient `g`: `v ← α·v + (1 − α)·g²`, `θ ← θ − lr · g / (√v + ε)`, `v` starting at 0.
/// PyTorch's defaults are α 0.99, ε 1e-8; Stable-Baselines3's A2C uses α 0.99, ε 1e-5.
public final class RMSprop: Optimizer {
    public let count: Int
    public let alpha: Float
    public let eps: Float
    private let v: UnsafeMutablePointer<Float>

    /// RMSprop for `count` parameters.
    public init(count: Int, alpha: Float = 0.99, eps: Float = 1e-8) {
        self.count = count
        self.alpha = alpha
        self.eps = eps
        v = .allocate(capacity: Swift.max(count, 1))
        v.initialize(repeating: 0, count: Swift.max(count, 1))
    }

    deinit { v.deallocate() }

    public func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, learningRate lr: Float) {
        let a = alpha, oneMinusA = 1 - alpha
        // Four lanes at a time (the same elementwise arithmetic as the scalar tail).
        let rawP = UnsafeMutableRawPointer(parameters), rawG = UnsafeRawPointer(gradient)
        let rawV = UnsafeMutableRawPointer(v)
        var i = 0
        while i + 4 <= count {
            let offset = i * 4
            let g = rawG.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            let vi = a * rawV.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self) + oneMinusA * (g * g)
            rawV.storeBytes(of: vi, toByteOffset: offset, as: SIMD4<Float>.self)
            let p = rawP.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            rawP.storeBytes(of: p - lr * (g / (vectorSquareRoot(vi) + eps)), toByteOffset: offset, as: SIMD4<Float>.self)
            i += 4
        }
        for i in i..<count {
            let g = gradient[i]
            let vi = a * v[i] + oneMinusA * (g * g)
            v[i] = vi
            parameters[i] -= lr * (g / (vi.squareRoot() + eps))
        }
    }
}

extension RMSprop {
    public var state: OptimizerState {
        OptimizerState(stepCount: 0, buffers: [Array(UnsafeBufferPointer(start: v, count: count))])
    }

    public func restore(_ state: OptimizerState) throws {
        try state.copy(0, into: v, count: count)
    }
}
