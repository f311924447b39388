/// Stable-Baselines3's `VecNormalize` applied to a `VectorEnvironment`'s buffers in place, right
/// after each reset and step, so every consumer (collectors, evaluation, diagnostics) sees what
/// an SB3 agent sees.
///
/// A *learning* normalizer (training copies) updates the statistics, in SB3's order: after a
/// step, the observation statistics merge the new observations (the first of a new episode for
/// copies that reset), then observations are standardized,
///
///     o ← clip((o − μ) / √(σ² + ε), −clip_obs, clip_obs)
///
/// each copy's discounted return becomes R ← γ·R + r and the return statistics merge the N
/// returns, rewards are scaled, r ← clip(r / √(σ_R² + ε), −clip_reward, clip_reward), final
/// observations of ended episodes are standardized with the updated statistics, and the
/// returns of ended episodes restart at 0. After a reset, only the observations merge and are
/// standardized. A *frozen* normalizer (evaluation, diagnostics) reads a learning one's
/// statistics and changes nothing: SB3's `training = False`. Undiscounted episode returns are
/// summed by the vector before this runs, so reported returns stay in the environment's units.
public final class EnvironmentNormalizer {
    let settings: Normalization
    let gamma: Double
    /// The statistics (of the learning normalizer this one reads, when frozen).
    var state: NormalizationState
    /// The learning normalizer whose statistics a frozen one uses; nil when this one learns.
    let source: EnvironmentNormalizer?
    /// Discounted returns of this normalizer's own copies (a frozen one's are never merged).
    private var returns: [Double]

    /// A learning normalizer for `numEnvs` copies.
    init(settings: Normalization, gamma: Double, observationSize: Int, numEnvs: Int) {
        self.settings = settings
        self.gamma = gamma
        state = NormalizationState(observationSize: observationSize, numEnvs: numEnvs)
        source = nil
        returns = state.discountedReturns
    }

    /// A frozen normalizer for `numEnvs` copies that uses `source`'s statistics.
    init(frozen source: EnvironmentNormalizer, numEnvs: Int) {
        settings = source.settings
        gamma = source.gamma
        state = source.state
        self.source = source
        returns = Array(repeating: 0, count: numEnvs)
    }

    var isLearning: Bool { source == nil }

    /// The learning state, as saved in a snapshot (the discounted returns included).
    var learnedState: NormalizationState {
        var saved = state
        saved.discountedReturns = returns
        return saved
    }

    /// Puts a saved learning state back.
    func restore(_ saved: NormalizationState) throws {
        guard saved.observations.mean.count == state.observations.mean.count, saved.discountedReturns.count == returns.count
        else { throw TrainerError("the saved normalization statistics do not match this run's environment") }
        state = saved
        returns = saved.discountedReturns
    }

    /// After a reset of all `n` copies: merge (when learning) and standardize their observations.
    @usableFromInline
    package func afterReset(observations: UnsafeMutablePointer<Float>, count n: Int, observationSize size: Int) {
        if let source { state = source.state }
        for i in 0..<n { returns[i] = 0 }
        if isLearning && settings.observations { state.observations.update(observations, rows: n) }
        standardize(observations, rows: n, size: size)
    }

    /// After a step of all `n` copies: observations, rewards and the final observations of ended episodes.
    @usableFromInline
    package func afterStep(
        observations: UnsafeMutablePointer<Float>, finalObservations: UnsafeMutablePointer<Float>,
        rewards: UnsafeMutablePointer<Double>, terminated: UnsafePointer<Bool>, truncated: UnsafePointer<Bool>,
        count n: Int, observationSize size: Int
    ) {
        if let source { state = source.state }
        if isLearning && settings.observations { state.observations.update(observations, rows: n) }
        standardize(observations, rows: n, size: size)
        if isLearning {
            for i in 0..<n { returns[i] = returns[i] * gamma + rewards[i] }
            returns.withUnsafeBufferPointer { state.returns.update(scalars: $0.baseAddress!, rows: n) }
        }
        if settings.rewards {
            let scale = (state.returns.variance[0] + settings.epsilon).squareRoot(), limit = settings.clipRewards
            for i in 0..<n { rewards[i] = Swift.min(Swift.max(rewards[i] / scale, -limit), limit) }
        }
        for i in 0..<n where terminated[i] || truncated[i] {
            standardize(finalObservations + i * size, rows: 1, size: size)
            returns[i] = 0
        }
    }

    /// `o ← clip((o − μ) / √(σ² + ε), ±clip_obs)` over `rows` rows, computed in Double.
    func standardize(_ values: UnsafeMutablePointer<Float>, rows: Int, size: Int) {
        guard settings.observations else { return }
        let limit = settings.clipObservations, epsilon = settings.epsilon
        let mean = state.observations.mean, variance = state.observations.variance
        for j in 0..<size {
            let scale = (variance[j] + epsilon).squareRoot()
            for i in 0..<rows {
                let z = (Double(values[i * size + j]) - mean[j]) / scale
                values[i * size + j] = Float(Swift.min(Swift.max(z, -limit), limit))
            }
        }
    }
}
