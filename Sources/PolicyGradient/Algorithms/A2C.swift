/// A2C (Mnih et al. 2016): `Q̂_t = y_t = R_t`, the n-step return `R_t = r_t + γ R_{t+1}`,
/// bootstrapped from V at the rollout's end and cut at episode ends (`ReturnEstimators.nStepReturns`).
public struct A2C: PolicyGradientAlgorithm {
    public init() {}

    public var name: TrainerSettings.EstimatorName { .a2c }
    public var critic: CriticKind? { .stateValue }
    public var batches: BatchKind { .fixedLength }

    @_specialize(where F == Float)
    @_specialize(where F == Double)
    public func estimate<F: BinaryFloatingPoint>(_ batch: EstimateBuffers<F>, settings: TrainerSettings.Estimator) {
        ReturnEstimators.nStepReturns(
            rewards: batch.rewards, ended: batch.ended, nextValues: batch.nextValues, gamma: batch.gamma,
            numEnvs: batch.numEnvs, steps: batch.steps, into: batch.qEstimates)
        batch.criticTargets.update(from: batch.qEstimates, count: batch.count)
    }
}
