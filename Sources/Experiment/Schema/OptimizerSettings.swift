import PolicyGradient
import YAML

/// The `optimizer` section: PyTorch's update rules, with the core's `OptimizerDefaults`.
public struct OptimizerSettings: Codable, Sendable, Equatable {
    public enum Name: String, YAMLEnum { case sgd, adam, rmsprop }
    /// constant, or linear: lr · (1 − progress), reaching 0 at the end of training (SB3's).
    public typealias Schedule = LearningRateSchedule

    public var name: Name
    public var lr: Double
    public var schedule: Schedule
    /// Global gradient-norm clipping threshold; nil: no clipping.
    public var maxGradNorm: Double?
    /// SGD momentum μ.
    public var momentum: Double
    /// Adam β1, β2.
    public var beta1: Double
    public var beta2: Double
    /// RMSprop smoothing α.
    public var alpha: Double
    /// Adam and RMSprop ε.
    public var eps: Double

    enum CodingKeys: String, CodingKey {
        case name, lr, schedule
        case maxGradNorm = "max_grad_norm"
        case momentum, beta1, beta2, alpha, eps
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.value(.name, default: .adam)
        lr = try c.value(.lr, default: OptimizerDefaults.learningRate(adam: name == .adam))
        try c.require(lr > 0 && lr.isFinite, .lr, "must be a finite number > 0")
        schedule = try c.value(.schedule, default: .constant)
        if c.contains(.maxGradNorm), try c.decodeNil(forKey: .maxGradNorm) {
            maxGradNorm = nil
        } else {
            maxGradNorm = try c.value(.maxGradNorm, default: OptimizerDefaults.maxGradNorm)
            try c.require(
                maxGradNorm! > 0 && maxGradNorm!.isFinite, .maxGradNorm,
                "must be a finite number > 0 (or null for no clipping)")
        }
        momentum = try c.value(.momentum, default: OptimizerDefaults.momentum)
        try c.require(momentum >= 0 && momentum < 1, .momentum, "must be in [0, 1)")
        beta1 = try c.value(.beta1, default: OptimizerDefaults.beta1)
        try c.require(beta1 >= 0 && beta1 < 1, .beta1, "must be in [0, 1)")
        beta2 = try c.value(.beta2, default: OptimizerDefaults.beta2)
        try c.require(beta2 >= 0 && beta2 < 1, .beta2, "must be in [0, 1)")
        alpha = try c.value(.alpha, default: OptimizerDefaults.alpha)
        try c.require(alpha >= 0 && alpha < 1, .alpha, "must be in [0, 1)")
        eps = try c.value(.eps, default: name == .rmsprop ? OptimizerDefaults.rmspropEps : OptimizerDefaults.adamEps)
        try c.require(eps > 0 && eps.isFinite, .eps, "must be a finite number > 0")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(lr, forKey: .lr)
        try c.encode(schedule, forKey: .schedule)
        try c.encode(maxGradNorm, forKey: .maxGradNorm)  // null stays visible: no clipping
        try c.encode(momentum, forKey: .momentum)
        try c.encode(beta1, forKey: .beta1)
        try c.encode(beta2, forKey: .beta2)
        try c.encode(alpha, forKey: .alpha)
        try c.encode(eps, forKey: .eps)
    }
}
