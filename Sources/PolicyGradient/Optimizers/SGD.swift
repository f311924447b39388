/// Stochastic gradient descent with momentum, PyTorch's `torch.optim.SGD` (dampening 0,
/// nesterov false, no weight decay).
///
/// With gradient `g`: `buf ← μ·buf + g` (on the first step `buf ← g`), `θ ← θ − lr·buf`.
/// With `μ = 0` no buffer is kept: `θ ← θ − lr·g`.
public final class SGD: Optimizer {
    public let count: Int
    /// Momentum μ.
    public let momentum: Float
    private let buffer: UnsafeMutablePointer<Float>
    private var started = false

    /// SGD for `count` parameters.
    public init(count: Int, momentum: Float = 0) {
        precondition(momentum >= 0)
        self.count = count
        self.momentum = momentum
        buffer = .allocate(capacity: Swift.max(count, 1))
        buffer.initialize(repeating: 0, count: Swift.max(count, 1))
    }

    deinit { buffer.deallocate() }

    public func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, learningRate lr: Float) {
        if momentum == 0 {
            for i in 0..<count { parameters[i] -= lr * gradient[i] }
            return
        }
        if !started {
            buffer.update(from: gradient, count: count)
            started = true
        } else {
            for i in 0..<count { buffer[i] = momentum * buffer[i] + gradient[i] }
        }
        for i in 0..<count { parameters[i] -= lr * buffer[i] }
    }
}

extension SGD {
    /// `stepCount` is 1 once the momentum buffer has started, else 0.
    public var state: OptimizerState {
        OptimizerState(stepCount: started ? 1 : 0, buffers: [Array(UnsafeBufferPointer(start: buffer, count: count))])
    }

    public func restore(_ state: OptimizerState) throws {
        try state.copy(0, into: buffer, count: count)
        started = state.stepCount > 0
    }
}
