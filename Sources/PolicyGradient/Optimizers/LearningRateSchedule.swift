/// How the learning rate changes over training (`optimizer.schedule`).
public enum LearningRateSchedule: String, Sendable, CaseIterable {
    /// `lr_t = lr`.
    case constant
    /// Stable-Baselines3's linear schedule: `lr_t = lr · (1 − progress)`, where
    /// `progress = steps done / total steps` (so it reaches 0 at the end of training).
    case linear

    /// The learning rate after `stepsDone` of `totalSteps` environment steps.
    public func learningRate(base lr: Float, stepsDone: Int, totalSteps: Int) -> Float {
        switch self {
        case .constant:
            return lr
        case .linear:
            let progress = totalSteps > 0 ? Double(stepsDone) / Double(totalSteps) : 0
            return Float(Double(lr) * (1 - progress))
        }
    }
}
