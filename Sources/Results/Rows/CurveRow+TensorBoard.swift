import PolicyGradient

/// A curve row as TensorBoard scalars (docs/tensorboard.md, "Tags"), under the tags
/// stable-baselines3 logs the same figures by.
extension CurveRow {
    /// (tag, value) at `step`; a figure the row does not have (NaN, an empty CSV field) is left
    /// out rather than plotted. `train/entropy_loss` is −entropy, as SB3 logs it.
    package var tensorBoardScalars: [(tag: String, value: Double)] {
        [
            ("eval/mean_reward", evalReturnMean),
            ("eval/std_reward", evalReturnStd),
            ("rollout/ep_rew_mean", trainReturn),
            ("train/entropy_loss", -entropy),
            ("train/policy_gradient_loss", policyLoss),
            ("train/value_loss", valueLoss),
        ].filter { !$0.1.isNaN }
    }
}
