/// REINFORCE (Williams 1992): whole episodes, `Q̂_t = G_t = Σ_{k≥t} γ^{k−t} r_k` with
/// `reward_to_go`, else the episode's `G_0` for every term; with the value baseline the critic
/// regresses `y_t = G_t`. No critic of its own.
public struct REINFORCE: PolicyGradientAlgorithm {
    public init() {}

    public var name: TrainerSettings.EstimatorName { .reinforce }
    public var critic: CriticKind? { nil }
    public var batches: BatchKind { .wholeEpisodes }

    // Specialized for both precisions: called through `any PolicyGradientAlgorithm`, the
    // generic body would otherwise run unspecialized on every batch.
    @_specialize(where F == Float)
    @_specialize(where F == Double)
    public func estimate<F: BinaryFloatingPoint>(_ batch: EstimateBuffers<F>, settings: TrainerSettings.Estimator) {
        let count = batch.count, q = batch.qEstimates
        ReturnEstimators.episodeReturns(
            rewards: batch.rewards, ended: batch.ended, count: count, gamma: batch.gamma, into: batch.criticTargets)
        q.update(from: batch.criticTargets, count: count)
        if !settings.rewardToGo { ReturnEstimators.holdEpisodeStart(q, time: batch.time, count: count) }
    }
}
