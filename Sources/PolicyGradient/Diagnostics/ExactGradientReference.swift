/// The exact objective and policy gradient of a training run's current discrete policy on its
/// tabular environment, expressed over the policy's parameters θ: the reference the gradient
/// diagnostics compare sampled estimates with (docs/architecture.md, "Gradient diagnostics").
///
/// ## What is computed
///
/// With S states, A actions, γ the estimator's `gamma` and H the environment's time limit
/// (`max_episode_steps`, else the MDP's horizon):
///
/// 1. Logits z[s] = logits(e_s; θ), the policy's forward pass on the one-hot observation e_s of
///    every state s (shape `[S × A]`), and π(·|s) = softmax(z[s]) in Double.
/// 2. `ExactPolicyGradient(mdp, γ, logits)`: J_H(θ) and ∂J_H/∂z[s][a] by dynamic programming.
/// 3. The chain rule through the network, one row per state:
///
///        ∇θ J_H = Σ_s Σ_a (∂J_H/∂z[s][a]) · ∂z[s][a]/∂θ,
///
///    by one `backward(logitGradient:)` of the `[S × A]` matrix over the S forwarded rows
///    (a length-P vector, P = `policy.parameters.count`). The backward pass runs in Float32, so
///    θ-gradients carry a relative rounding error of about 1e-7.
///
/// The same map turns any per-logit vector into θ-space (`backpropagate`), for instance the
/// predicted expectation of a biased REINFORCE variant, `ExactPolicyGradient.expectedEstimate`.
///
/// Building a reference overwrites the policy's workspace rows `0..<S` and uses its gradient
/// buffer as scratch (zeroed before and after): allowed between updates by the `TrainerState`
/// contract, and the reason it is computed before any diagnostic batch is collected.
public struct ExactGradientReference: Sendable {
    /// The dynamic-programming solution at the current logits (objective, per-logit gradient,
    /// the expectations of the REINFORCE variants).
    public let exact: ExactPolicyGradient
    /// J_H(θ).
    public var objective: Double { exact.objective }
    /// max over all (non-stationary) policies of J_H, by finite-horizon value iteration.
    public let optimalObjective: Double
    /// ∇θ J_H over `policy.parameters`, length P.
    public let gradient: [Double]

    /// The reference for a run's current parameters; nil unless the environment is tabular,
    /// the policy discrete and γ in (0, 1].
    public init?(_ state: any TrainerState) {
        guard let mdp = state.tabularMDP, case .discrete(let policy) = state.policy else { return nil }
        let gamma = state.settings.estimator.gamma
        guard gamma > 0 && gamma <= 1 else { return nil }
        let horizon = state.settings.environment.maxEpisodeSteps ?? mdp.horizon
        guard horizon >= 1, policy.observationSize == mdp.states, policy.actionCount == mdp.actions else {
            return nil
        }
        let timeLimited = horizon == mdp.horizon
            ? mdp
            : TabularMDP(
                states: mdp.states, actions: mdp.actions, initial: mdp.initial, transitions: mdp.transitions,
                rewards: mdp.rewards, rewardNoise: mdp.rewardNoise, terminal: mdp.terminal, horizon: horizon)
        let logits = Self.forwardStates(policy, states: mdp.states)
        exact = ExactPolicyGradient(mdp: timeLimited, gamma: gamma, logits: logits)
        optimalObjective = ExactPolicyGradient.optimalObjective(mdp: timeLimited, gamma: gamma)
        gradient = Self.backpropagate(exact.gradient, through: policy, states: mdp.states)
    }

    /// Maps a per-logit vector v (flat `[S × A]`, v[s·A + a] for z[s][a]) to θ-space:
    /// Σ_s Σ_a v[s][a] ∂z[s][a]/∂θ, a length-P vector.
    ///
    /// Forwards the S one-hot observations into rows `0..<S`; the policy's gradient buffer is
    /// zeroed before and after.
    public static func backpropagate(_ logitVector: [Double], through policy: any DiscretePolicy, states: Int)
        -> [Double]
    {
        let actions = policy.actionCount
        precondition(logitVector.count == states * actions, "the vector must have states × actions entries")
        _ = forwardStates(policy, states: states)
        let buffer = policy.parameters
        buffer.zeroGradient()
        let g = [Float](unsafeUninitializedCapacity: logitVector.count) { out, n in
            for i in 0..<logitVector.count { out[i] = Float(logitVector[i]) }
            n = logitVector.count
        }
        g.withUnsafeBufferPointer { policy.backward(logitGradient: $0.baseAddress!, count: states, row: 0) }
        var result = [Double](repeating: 0, count: buffer.count)
        for j in 0..<buffer.count { result[j] = Double(buffer.gradient[j]) }
        buffer.zeroGradient()
        return result
    }

    /// Forwards the one-hot observation of every state into rows `0..<states`; returns the
    /// logits, flat `[states × actions]` in Double.
    static func forwardStates(_ policy: any DiscretePolicy, states: Int) -> [Double] {
        var oneHot = [Float](repeating: 0, count: states * states)
        for s in 0..<states { oneHot[s * states + s] = 1 }
        oneHot.withUnsafeBufferPointer { policy.forward($0.baseAddress!, count: states, row: 0) }
        let actions = policy.actionCount
        var logits = [Double](repeating: 0, count: states * actions)
        let z = policy.distributions.logits
        for i in 0..<(states * actions) { logits[i] = Double(z[i]) }
        return logits
    }
}
