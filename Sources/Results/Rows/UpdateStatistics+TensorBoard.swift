import PolicyGradient

/// An `updates.csv` row as TensorBoard scalars (docs/tensorboard.md, "Tags"), under
/// Stable-Baselines3's logger keys: the row's columns with their `train/` and `rollout/`
/// prefixes back (docs/diagnostics.md).
extension UpdateStatistics {
    /// (tag, value) at `step`; a figure the row does not have (NaN, an empty CSV field) is left
    /// out rather than plotted.
    package var tensorBoardScalars: [(tag: String, value: Double)] {
        var scalars: [(tag: String, value: Double)] = [
            ("train/n_updates", Double(updates)), ("train/learning_rate", learningRate), ("train/clip_range", clipRange),
            ("train/entropy_loss", entropyLoss), ("train/policy_gradient_loss", policyGradientLoss),
            ("train/value_loss", valueLoss), ("train/loss", loss), ("train/approx_kl", approxKL),
            ("train/clip_fraction", clipFraction), ("train/explained_variance", explainedVariance), ("train/std", std),
            ("train/grad_norm", gradNorm), ("rollout/ep_rew_mean", episodeReturnMean),
            ("rollout/ep_len_mean", episodeLengthMean),
        ]
        if let stoppedEpoch { scalars.append(("train/stopped_epoch", Double(stoppedEpoch))) }
        return scalars.filter { !$0.value.isNaN }
    }
}
