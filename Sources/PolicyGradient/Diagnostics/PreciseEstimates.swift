/// A batch's Q-estimates and advantages recomputed in Double, for the gradient-variance meter.
///
/// Training stores returns, values and advantages in Float32 (as Stable-Baselines3): when the
/// critic predicts V ≈ 100 and the advantages Q̂ − V are of order 1e-3, each Float32 advantage
/// is off by up to ulp(100)/2 ≈ 3.8e-6, and a variance measured from them bottoms out at what
/// that rounding alone produces. Here the same estimator is evaluated from the environment's
/// Double rewards and the critic's values (Float32 outputs, exact in Double) with Double
/// arithmetic, γ and λ the Float32 values training uses:
///
/// - reinforce: `G_t = r_t + γ G_{t+1}` within each episode (or `G_0` without `reward_to_go`);
/// - a2c: the n-step return; gae, ppo: `A_t + V(s_t)` with A the generalized advantage;
/// - actor_critic: `Q(s_t, a_t)`, the critic's output.
///
/// `advantages(for:)` then gives `Â_k = Q̂_k − B_k` for a resolved baseline, standardized over
/// the batch (in Double) when `normalize_advantage` is on.
final class PreciseEstimates {
    let estimator: TrainerSettings.Estimator
    private let qEstimateStorage = ScratchBuffer<Double>(zero: 0)
    private let advantageStorage = ScratchBuffer<Double>(zero: 0)
    private let valueStorage = ScratchBuffer<Double>(zero: 0)
    private let nextValueStorage = ScratchBuffer<Double>(zero: 0)
    private let firstStorage = ScratchBuffer<Bool>(zero: false)
    private var count = 0

    init(estimator: TrainerSettings.Estimator) {
        self.estimator = estimator
    }

    /// Q̂ of the last estimated batch, `[count]`.
    var qEstimates: UnsafeBufferPointer<Double> { qEstimateStorage.view(count) }

    /// Recomputes Q̂ of `batch` in Double.
    func estimate(_ batch: Rollout) {
        count = batch.count
        let n = batch.numEnvs, steps = batch.steps
        let gamma = Double(Float(estimator.gamma)), gaeLambda = Double(Float(estimator.gaeLambda))
        for b in [qEstimateStorage, advantageStorage, valueStorage, nextValueStorage] { b.reserve(count) }
        firstStorage.reserve(count)
        let q = qEstimateStorage.pointer, values = valueStorage.pointer, next = nextValueStorage.pointer
        for k in 0..<count {
            values[k] = Double(batch.stateValueStorage[k])
            next[k] = Double(batch.nextValueStorage[k])
        }
        let rewards = batch.preciseRewardStorage.pointer, ended = batch.endedStorage.pointer
        switch estimator.name {
        case .reinforce:
            for k in 0..<count { firstStorage[k] = batch.timeStorage[k] == 0 }
            ReturnEstimators.episodeReturns(
                rewards: rewards, ended: ended, firstOfEpisode: firstStorage.pointer, count: count, gamma: gamma,
                rewardToGo: estimator.rewardToGo, into: q)
        case .a2c:
            ReturnEstimators.nStepReturns(
                rewards: rewards, ended: ended, nextValues: next, gamma: gamma, numEnvs: n, steps: steps, into: q)
        case .gae, .ppo:
            ReturnEstimators.generalizedAdvantages(
                rewards: rewards, values: values, ended: ended, nextValues: next, gamma: gamma, gaeLambda: gaeLambda,
                numEnvs: n, steps: steps, into: q)
            for k in 0..<count { q[k] += values[k] }
        case .actorCritic:
            for k in 0..<count { q[k] = Double(batch.qEstimateStorage[k]) }
        }
    }

    /// `Â_k = Q̂_k − B_k` for the last estimated batch, standardized when the estimator asks;
    /// valid until the next call.
    func advantages(for baseline: ResolvedBaseline) -> UnsafePointer<Double> {
        let a = advantageStorage.pointer, q = qEstimateStorage.pointer, values = valueStorage.pointer
        switch baseline {
        case .none: a.update(from: q, count: count)
        case .constant(let b): for k in 0..<count { a[k] = q[k] - Double(b) }
        case .value: for k in 0..<count { a[k] = q[k] - values[k] }
        }
        if estimator.normalizeAdvantage { ReturnEstimators.normalize(a, count: count) }
        return UnsafePointer(a)
    }
}
