/// Generalized advantage estimation (Schulman et al. 2016): `Q̂_t = y_t = A_t + V(s_t)`, the
/// λ-return, A the generalized advantage (`ReturnEstimators.generalizedAdvantages`).
public struct GAE: PolicyGradientAlgorithm {
    public init() {}

    public var name: TrainerSettings.EstimatorName { .gae }
    public var critic: CriticKind? { .stateValue }
    public var batches: BatchKind { .fixedLength }
    public var estimatorKeys: Set<String> { EstimatorKeys.common.union(EstimatorKeys.fixedLength).union(["lambda"]) }

    @_specialize(where F == Float)
    @_specialize(where F == Double)
    public func estimate<F: BinaryFloatingPoint>(_ batch: EstimateBuffers<F>, settings: TrainerSettings.Estimator) {
        Self.lambdaReturns(batch)
    }

    /// `Q̂_t = y_t = A_t + V(s_t)`; PPO's estimate too.
    @inlinable
    public static func lambdaReturns<F: BinaryFloatingPoint>(_ batch: EstimateBuffers<F>) {
        let q = batch.qEstimates, values = batch.values
        ReturnEstimators.generalizedAdvantages(
            rewards: batch.rewards, values: values, ended: batch.ended, nextValues: batch.nextValues,
            gamma: batch.gamma, gaeLambda: batch.gaeLambda, numEnvs: batch.numEnvs, steps: batch.steps, into: q)
        for k in 0..<batch.count { q[k] += values[k] }
        batch.criticTargets.update(from: q, count: batch.count)
    }
}
