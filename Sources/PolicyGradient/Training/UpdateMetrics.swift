/// What the latest update measured, for the curve rows (NaN before any update; for PPO, its
/// last minibatch step).
struct UpdateMetrics {
    /// The policy-gradient (or clipped-surrogate) part of the loss.
    var policyLoss = Double.nan
    /// The mean squared error of the critic (NaN without a critic).
    var valueLoss = Double.nan
    /// The mean entropy of the policy over the batch (or minibatch).
    var entropy = Double.nan
    /// The total loss L of the step: policy loss − β · entropy + c · value loss.
    var loss = Double.nan
}
