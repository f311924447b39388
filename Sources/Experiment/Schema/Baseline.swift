import YAML

/// What is subtracted from the return in the policy-gradient estimate: B(s_t).
public enum Baseline: String, YAMLEnum {
    /// B = 0.
    case none
    /// A running average of returns from earlier updates only (so unbiased).
    case mean
    /// The variance-minimizing constant b* = E[X·Y] / E[|Y|²], estimated from earlier updates.
    case optimal
    /// The learned state value V(s_t).
    case value
}
