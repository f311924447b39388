/// The optimizer settings a job gets when its experiment file leaves them out: PyTorch's
/// defaults, except RMSprop's ε and the learning rate of SGD and RMSprop (Stable-Baselines3's A2C).
///
/// Held as the decimal values the file's canonical form writes (a `Double`), so the schema
/// and the core read the same numbers; the update rules round them to `Float`.
public enum OptimizerDefaults {
    /// SGD momentum μ.
    public static let momentum = 0.0
    /// Adam β1, β2 and ε.
    public static let beta1 = 0.9
    public static let beta2 = 0.999
    public static let adamEps = 1e-8
    /// RMSprop smoothing α and ε.
    public static let alpha = 0.99
    public static let rmspropEps = 1e-5
    /// Global gradient-norm clipping threshold.
    public static let maxGradNorm = 0.5

    /// The learning rate of `adam` (3e-4), or of `sgd` and `rmsprop` (7e-4).
    public static func learningRate(adam: Bool) -> Double { adam ? 3e-4 : 7e-4 }
}
