/// The gradient of the first minibatch step of PPO's update at the current parameters, one
/// estimate per batch and baseline, for `GradientVarianceMeter` (its "PPO's first minibatch
/// step").
///
/// On a batch of n terms, one shuffle as `PPOUpdate` draws it (`Rollout.minibatches(size:
/// shuffledBy:)`'s `shuffled(by:)`, m = max(1, n / `minibatches`)) picks the first minibatch M. At θ = θ_old the
/// ratio r is 1, inside the clip range, so the clipped surrogate's gradient is the vanilla
/// estimate on M:
///
///     ĝ^mb = (1/m) Σ_{i∈M} ∇θ log π(a_i|s_i) · Â_i,    Â standardized over M when `normalize_advantage`.
///
/// It is formed on the whole batch with coefficient `termScale · (n/m) · Â_i` for i ∈ M
/// (`termScale` = 1/n for PPO) and 0 elsewhere, through the same per-term code as the
/// full-batch estimate; M is taken in index order, so with m = n every coefficient, and the
/// estimate, equals the full batch's bit for bit.
struct FirstMinibatchGradient {
    /// The shuffles' generator: the meter's `.diagnostics` stream, never training's.
    var shuffles: RandomGenerator
    let minibatches: Int
    let normalizeAdvantage: Bool
    /// Per baseline, the statistics of the estimates so far.
    var statistics: [GradientEstimateStatistics]
    /// Â over M in index order, `[m]`; then the coefficients on the whole batch, `[n]`.
    private var members: [Double] = []
    private var coefficients: [Double] = []
    private var estimate: [Double]

    /// For measurement seed `seed`: shuffles from `RandomGenerator(seed: seed, stream: .diagnostics, index: 2³² + 1)`.
    init(seed: UInt64, minibatches: Int, normalizeAdvantage: Bool, baselines: Int, dimension: Int) {
        shuffles = RandomGenerator(seed: seed, stream: .diagnostics, index: (1 << 32) &+ 1)
        self.minibatches = minibatches
        self.normalizeAdvantage = normalizeAdvantage
        statistics = Array(repeating: GradientEstimateStatistics(dimension: dimension), count: baselines)
        estimate = [Double](repeating: 0, count: dimension)
    }

    /// Draws the first minibatch of `batch` (whose Q̂ `precise` holds) and adds its estimate for
    /// every baseline in `baselines`. Leaves the policy's gradient holding the last estimate.
    mutating func add(_ batch: Rollout, state: any TrainerState, precise: PreciseEstimates, baselines: [ResolvedBaseline]) {
        let n = batch.count
        let m = Swift.min(n, Swift.max(1, n / minibatches))
        let indices = batch.shuffled(by: &shuffles).prefix(m).sorted()
        let buffer = state.policy.parameters
        let scale = Double(n) / Double(m)
        members = [Double](repeating: 0, count: m)
        coefficients = [Double](repeating: 0, count: n)
        for (b, baseline) in baselines.enumerated() {
            let advantages = precise.advantages(for: baseline, standardized: false)
            for (i, k) in indices.enumerated() { members[i] = advantages[k] }
            if normalizeAdvantage { members.withUnsafeMutableBufferPointer { ReturnEstimators.normalize($0.baseAddress!, count: m) } }
            // Only the members' coefficients change from one baseline to the next; the rest stay 0.
            for (i, k) in indices.enumerated() { coefficients[k] = members[i] * scale }
            buffer.zeroGradient()
            coefficients.withUnsafeBufferPointer { state.accumulatePolicyGradient(batch, advantages: $0.baseAddress!, scale: 1) }
            let g = buffer.gradient
            for j in 0..<estimate.count { estimate[j] = Double(g[j]) }
            statistics[b].add(estimate)
        }
    }
}
