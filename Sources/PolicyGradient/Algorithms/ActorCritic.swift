/// Actor-critic with a learned Q (Sutton et al. 2000): `Q̂_t = Q(s_t, a_t)`, read from the Q
/// critic, which regresses the expected-SARSA target `y_t = r_t + γ Σ_a' π(a'|s_{t+1}) Q_target(s_{t+1}, a')`
/// (`nextValues` holds that sum). Discrete actions only.
public struct ActorCritic: PolicyGradientAlgorithm {
    public init() {}

    public var name: TrainerSettings.EstimatorName { .actorCritic }
    public var critic: CriticKind? { .actionValue }
    public var batches: BatchKind { .fixedLength }

    @_specialize(where F == Float)
    @_specialize(where F == Double)
    public func estimate<F: BinaryFloatingPoint>(_ batch: EstimateBuffers<F>, settings: TrainerSettings.Estimator) {
        // Q̂_k = Q(s_k, a_k) is already in place (the collector read it from the critic).
        let rewards = batch.rewards, next = batch.nextValues, targets = batch.criticTargets, gamma = batch.gamma
        for k in 0..<batch.count { targets[k] = rewards[k] + gamma * next[k] }
    }
}
