import PolicyGradient

extension JobSettings {
    /// A relative estimate of a job's compute, made from its settings alone (no environment is
    /// built), for sharing jobs among cluster tasks so that each task gets about the same work
    /// (`BalancedShares`).
    ///
    ///     cost = steps · (1 + P_policy + P_critic) · (1 + E)
    ///
    /// with P the multiply-adds of one forward pass through a network's hidden layers,
    /// `Σ h_i + Σ h_i · h_{i+1}` for hidden widths h (0 for `tabular` and `linear` policies,
    /// whose cost is the step itself); P_critic counts only when the job learns a critic; E is
    /// the gradient passes over each step's data (PPO's `epochs`, 1 otherwise). Observation and
    /// action sizes are left out: they are known only once the environment is built, and the
    /// hidden layers dominate the networks the experiments train. Only ratios between jobs
    /// matter; counts saturate at `Int.max` (`MemoryFootprint.add`, `mul`).
    public var estimatedCost: Int {
        // A critic has the policy's architecture; a shared trunk adds only its head.
        let isNetwork = policy.architecture == .mlp
        let learnsCritic = TrainerSettings.learnsCritic(estimator.name, baseline)
        let policy = isNetwork ? Self.hiddenWork(policy.hidden) : 0
        let critic = isNetwork && learnsCritic && !critic.shareTrunk ? Self.hiddenWork(critic.hidden) : 0
        let passes = estimator.name == .ppo ? estimator.epochs : 1
        let perStep = MemoryFootprint.mul(MemoryFootprint.add(1, MemoryFootprint.add(policy, critic)), MemoryFootprint.add(1, passes))
        return MemoryFootprint.mul(max(training.steps, 0), perStep)
    }

    /// `Σ h_i + Σ h_i · h_{i+1}`: the multiply-adds of the hidden layers' biases and weights.
    static func hiddenWork(_ hidden: [Int]) -> Int {
        var work = hidden.reduce(0, MemoryFootprint.add)
        for (a, b) in zip(hidden, hidden.dropFirst()) { work = MemoryFootprint.add(work, MemoryFootprint.mul(a, b)) }
        return work
    }
}
