/// `diagnostics.gradient_variance.start`: where each of a measurement's K batches begins
/// (fixed-length estimators; REINFORCE batches are whole episodes and always start afresh).
public enum MeasurementStart: String, Sendable, CaseIterable {
    /// From a clone of the training copies' current states (state, elapsed steps, observation),
    /// as the next update's batch would: the variance of the estimate training follows next.
    case `continue`
    /// From the start distribution: the first `n_steps` of fresh episodes.
    case reset
}
