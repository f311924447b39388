import PolicyGradient

/// A curve row as TensorBoard scalars (docs/tensorboard.md, "Tags"): the evaluation, under the
/// tags Stable-Baselines3's `EvalCallback` logs it by. The training figures come from
/// `updates.csv`'s rows (`UpdateStatistics.tensorBoardScalars`), under SB3's `train/` and
/// `rollout/` tags.
extension CurveRow {
    /// (tag, value) at `step`; a figure the row does not have (NaN, an empty CSV field) is left
    /// out rather than plotted.
    package var tensorBoardScalars: [(tag: String, value: Double)] {
        [("eval/mean_reward", evalReturnMean), ("eval/std_reward", evalReturnStd)].filter { !$0.1.isNaN }
    }
}
