/// A batch's Q-estimates and advantages recomputed in Double, for the gradient-variance meter.
///
/// Training stores returns, values and advantages in Float32 (as Stable-Baselines3): when the
/// critic predicts V ≈ 100 and the advantages Q̂ − V are of order 1e-3, each Float32 advantage
/// is off by up to ulp(100)/2 ≈ 3.8e-6, and a variance measured from them bottoms out at what
/// that rounding alone produces. Here the same estimator is evaluated from the environment's
/// Double rewards and the critic's values (Float32 outputs, exact in Double) with Double
/// arithmetic (γ and λ the Float32 values training uses) by the estimator's own `estimate`, the
/// one definition training runs in Float32.
///
/// `advantages(for:)` then gives `Â_k = Q̂_k − B_k` for a resolved baseline, standardized over
/// the batch (in Double) when `normalize_advantage` is on.
final class PreciseEstimates {
    let estimator: TrainerSettings.Estimator
    let algorithm: any PolicyGradientAlgorithm
    private let qEstimateStorage = ScratchBuffer<Double>(zero: 0)
    private let advantageStorage = ScratchBuffer<Double>(zero: 0)
    private let valueStorage = ScratchBuffer<Double>(zero: 0)
    private let nextValueStorage = ScratchBuffer<Double>(zero: 0)
    /// The critic's targets, which the estimators write alongside Q̂ (unused here).
    private let targetStorage = ScratchBuffer<Double>(zero: 0)
    private var count = 0

    init(estimator: TrainerSettings.Estimator) {
        self.estimator = estimator
        algorithm = estimator.name.algorithm
    }

    /// Q̂ of the last estimated batch, `[count]`.
    var qEstimates: UnsafeBufferPointer<Double> { qEstimateStorage.view(count) }

    /// Recomputes Q̂ of `batch` in Double (a Q critic's Q(s_k, a_k) taken as stored).
    func estimate(_ batch: Rollout) {
        count = batch.count
        for b in [qEstimateStorage, advantageStorage, valueStorage, nextValueStorage, targetStorage] { b.reserve(count) }
        let q = qEstimateStorage.pointer, values = valueStorage.pointer, next = nextValueStorage.pointer
        for k in 0..<count {
            values[k] = Double(batch.stateValueStorage[k])
            next[k] = Double(batch.nextValueStorage[k])
            q[k] = Double(batch.qEstimateStorage[k])
        }
        algorithm.estimate(
            EstimateBuffers<Double>(
                rewards: batch.preciseRewardStorage.pointer, values: values, nextValues: next,
                ended: batch.endedStorage.pointer, time: batch.timeStorage.pointer, numEnvs: batch.numEnvs,
                steps: batch.steps, count: count, settings: estimator, qEstimates: q,
                criticTargets: targetStorage.pointer),
            settings: estimator)
    }

    /// `Â_k = Q̂_k − B_k` for the last estimated batch, standardized when the estimator asks;
    /// valid until the next call.
    func advantages(for baseline: ResolvedBaseline) -> UnsafePointer<Double> {
        advantages(for: baseline, standardized: estimator.normalizeAdvantage)
    }

    /// `Â_k = Q̂_k − B_k` for the last estimated batch, standardized over the batch when
    /// `standardized`; valid until the next call.
    func advantages(for baseline: ResolvedBaseline, standardized: Bool) -> UnsafePointer<Double> {
        let a = advantageStorage.pointer, q = qEstimateStorage.pointer, values = valueStorage.pointer
        switch baseline {
        case .none: a.update(from: q, count: count)
        case .constant(let b): for k in 0..<count { a[k] = q[k] - Double(b) }
        case .value: for k in 0..<count { a[k] = q[k] - values[k] }
        }
        if standardized { ReturnEstimators.normalize(a, count: count) }
        return UnsafePointer(a)
    }
}
