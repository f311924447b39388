/// `baseline:` — B(s_t), subtracted from the estimate of Q(s_t, a_t) (docs/configuration.md
/// states what each one averages).
///
/// The user-facing choice; `ResolvedBaseline` is its value at one update, `RunningBaselines`
/// the statistics the constant ones are computed from.
public enum Baseline: String, Sendable, CaseIterable {
    /// B = 0.
    case none
    /// A constant: the running mean of the Q-estimates of all earlier updates (0 at the first).
    case mean
    /// A constant: b* = Σ gX·gY / Σ |gY|² over earlier updates (0 at the first).
    case optimal
    /// The learned critic: V(s_t), or Σ_a π(a|s_t) Q(s_t, a) for actor_critic.
    case value
}
