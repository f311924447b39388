/// A first-order optimizer that *minimizes* a loss: it moves θ against the gradient.
///
/// One instance per parameter buffer (the update rules are elementwise, so one optimizer per
/// buffer stepped together equals PyTorch's one optimizer over all parameters). The trainer
/// passes ∂(loss)/∂θ, the loss being −objective.
public protocol Optimizer: AnyObject {
    /// Number of parameters this optimizer's state covers.
    var count: Int { get }
    /// Applies one update to `parameters` from `gradient` (`count` values each) with learning rate `lr`.
    func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, learningRate lr: Float)
    /// The running state that, with the parameters, determines every later step.
    var state: OptimizerState { get }
    /// Puts back a state read from `state` of an optimizer of the same kind and size.
    func restore(_ state: OptimizerState) throws
}

extension Optimizer {
    /// Applies one update to a parameter buffer from its gradient.
    public func step(_ buffer: ParameterBuffer, learningRate lr: Float) {
        precondition(buffer.count == count, "optimizer sized for another buffer")
        step(parameters: buffer.values, gradient: buffer.gradient, learningRate: lr)
    }
}

/// An optimizer's name and hyperparameters, as declared in an experiment (`optimizer:`).
public enum OptimizerConfiguration: Sendable, Equatable {
    /// `sgd` with `momentum` (0: plain SGD).
    case sgd(momentum: Float = Float(OptimizerDefaults.momentum))
    /// `adam` with PyTorch's defaults β1 0.9, β2 0.999, ε 1e-8.
    case adam(
        beta1: Float = Float(OptimizerDefaults.beta1), beta2: Float = Float(OptimizerDefaults.beta2),
        eps: Float = Float(OptimizerDefaults.adamEps))
    /// `rmsprop` with PyTorch's α 0.99 and Stable-Baselines3's (A2C) ε 1e-5.
    case rmsprop(alpha: Float = Float(OptimizerDefaults.alpha), eps: Float = Float(OptimizerDefaults.rmspropEps))

    /// Whether this is `adam` (whose default learning rate differs).
    public var isAdam: Bool {
        if case .adam = self { true } else { false }
    }

    /// A fresh optimizer (zero state) for `count` parameters.
    public func makeOptimizer(count: Int) -> any Optimizer {
        switch self {
        case .sgd(let momentum): return SGD(count: count, momentum: momentum)
        case .adam(let beta1, let beta2, let eps): return Adam(count: count, beta1: beta1, beta2: beta2, eps: eps)
        case .rmsprop(let alpha, let eps): return RMSprop(count: count, alpha: alpha, eps: eps)
        }
    }
}
