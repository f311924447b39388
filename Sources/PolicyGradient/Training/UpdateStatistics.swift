/// What one update measured, as Stable-Baselines3 logs it under `train/` and `rollout/`: one
/// row of a job's `updates.csv` (docs/diagnostics.md). A number that does not apply to the
/// estimator (the clip range outside PPO, σ for a discrete policy) is NaN, an empty field.
///
/// PPO's per-minibatch values are means over every minibatch of every epoch, as
/// Stable-Baselines3 2.9.2's `PPO.train()` takes them (`PPOUpdate`):
///
///     entropy_loss = −mean_b H̄_b,  policy_gradient_loss = mean_b L^CLIP_b,  value_loss = mean_b L^V_b,
///     clip_fraction = mean_b mean_{i∈b} [|r_i − 1| > ε],
///
/// with b running over the minibatches evaluated, including the one at which `target_kl`
/// stopped the epochs (its loss is computed before the check, though no step is taken);
/// `approx_kl = mean_b KL_b` over the last epoch's minibatches only, since Stable-Baselines3
/// starts that list afresh each epoch; `loss` is L of the last minibatch evaluated. The single-step
/// rules (REINFORCE, actor_critic, a2c, gae) have one "minibatch", the batch.
public struct UpdateStatistics: Sendable, Equatable {
    /// Environment steps taken so far, all copies together (the batch of this update included).
    public var step = 0
    /// Stable-Baselines3's `n_updates`: passes over a batch so far, counting each epoch PPO
    /// began (the one `target_kl` stopped too), and one per update for the single-step rules.
    public var updates = 0
    /// The learning rate of this update (after its schedule).
    public var learningRate = Double.nan
    /// PPO's ε for this update (after `clip_schedule`).
    public var clipRange = Double.nan
    /// −H̄, the negated mean entropy of the policy over the terms.
    public var entropyLoss = Double.nan
    /// The policy-gradient (or clipped-surrogate) part of the loss.
    public var policyGradientLoss = Double.nan
    /// The critic's (possibly clipped) mean squared error; NaN without a critic.
    public var valueLoss = Double.nan
    /// L = policy loss − β·H̄ + c·value loss of the last minibatch evaluated.
    public var loss = Double.nan
    /// Schulman's k3 estimate of KL(π_old ‖ π) (`ApproximateKL`); PPO only.
    public var approxKL = Double.nan
    /// The fraction of terms whose ratio lies outside [1 − ε, 1 + ε]; PPO only.
    public var clipFraction = Double.nan
    /// 1 − Var[V̂ − V] / Var[V̂] of the critic's values V at collection against its targets V̂
    /// over the whole batch; NaN without a critic or when Var[V̂] = 0.
    public var explainedVariance = Double.nan
    /// mean exp(log σ) over the Gaussian head's `log σ` parameters after the update; NaN for a
    /// discrete policy.
    public var std = Double.nan
    /// ‖g‖₂, the global gradient norm before clipping, averaged over the steps taken.
    public var gradNorm = Double.nan
    /// The epoch (from 0, as Stable-Baselines3 prints it) at which `target_kl` stopped PPO's
    /// update; nil when every epoch ran.
    public var stoppedEpoch: Int?
    /// The mean undiscounted return of the last 100 training episodes finished so far
    /// (`RecentEpisodes`); NaN before the first ends.
    public var episodeReturnMean = Double.nan
    /// Their mean length in steps; NaN before the first ends.
    public var episodeLengthMean = Double.nan

    public init() {}
}
