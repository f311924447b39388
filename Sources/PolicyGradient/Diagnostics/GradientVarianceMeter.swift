/// Measures the policy-gradient estimator of a training run at frozen parameters: the norm of
/// its mean, its variance and signal-to-noise ratio per baseline, and on tabular environments its
/// bias and error against the exact gradient (docs/architecture.md, "Gradient diagnostics").
///
/// ## One measurement
///
/// With θ frozen, K = `samples` batches B_1, …, B_K are collected, each of exactly the shape one
/// update uses (`TrainerState.collectBatch`). With `start: continue` (the default) every batch
/// of a fixed-length estimator starts from a clone of the training copies as they stand
/// (states, elapsed steps toward the time limit, observations), with fresh randomness: the K
/// estimates are independent draws of the estimate the next update will compute, given where
/// training stands. With `start: reset`, and always for REINFORCE, every batch starts from the
/// start distribution. On every batch the policy-gradient term
///
///     ĝ_k(β) = termScale · Σ_i w_i ∇θ log π(a_i|s_i) · (Q̂_i − B_β(s_i))     (a length-P vector)
///
/// is computed for every measured baseline β on the same batch (`TrainerState.policyGradient`:
/// no entropy or critic term; `termScale` is 1/episodes for REINFORCE, 1/(n_steps · num_envs)
/// otherwise; advantages standardized over the whole batch first when `normalize_advantage`
/// is on). For PPO this is the full-batch estimate, not the minibatch steps PPO applies. The
/// constant baselines (`mean`, `optimal`) take their current running values, estimated from
/// earlier training batches only. Per baseline, with ḡ = (1/K) Σ_k ĝ_k:
///
///     grad_norm = ‖ḡ‖,   variance = Σ_k ‖ĝ_k − ḡ‖² / (K − 1),   snr = ‖ḡ‖² / variance,
///     snr_unbiased = (‖ḡ‖² − variance/K) / variance,
///     pairwise_cosine = mean_{i<j} cos(ĝ_i, ĝ_j),   cosine_to_mean = mean_k cos(ĝ_k, ḡ).
///
/// `variance` is the trace of the sample covariance (Welford's update per component, in Double);
/// with K = 1 it, `snr` and `snr_unbiased` are NaN. `GradientEstimateStatistics` computes these
/// and derives the correction (E‖ḡ‖² = ‖g‖² + tr Σ / K); the cosines are Ilyas et al.'s (2020)
/// measure of how far the K estimates agree on a direction. Without `normalize_advantage`,
/// every row of a measurement also holds b̂, the constant baseline with the least variance
/// on these very K batches, and that variance (`ConstantBaselineSpread`): a lower bound on
/// the `variance` of any constant baseline here, `mean` and `optimal` included.
///
/// Each ĝ_k is formed from the batch's Q̂ and Â recomputed in Double (`PreciseEstimates`), so
/// a critic with V ≈ 100 and advantages of order 1e-3 is measured to about 1e-6 relative;
/// `precision_floor` = Σ_k ‖ĝ_k^{f32} − ĝ_k‖² / K, with ĝ_k^{f32} the same estimate from the
/// Float32 Q̂ and Â training computes, is the variance their rounding alone produces.
/// On a tabular environment with a discrete policy, against g* = ∇θ J_H(θ) from
/// `ExactGradientReference` (γ the estimator's `gamma`, H the episode time limit):
///
///     exact_objective = J_H(θ),  optimal_objective = max_π J_H,  exact_norm = ‖g*‖,
///     bias = ‖ḡ − g*‖,  mse = Σ_k ‖ĝ_k − g*‖² / K,  cosine = ḡ·g* / (‖ḡ‖ ‖g*‖).
///
/// What the comparison means: REINFORCE averages over episodes, so with `reward_to_go` and
/// `discount_weighting` on E[ĝ] = g* for every state-dependent baseline (Williams 1992; Sutton et al. 2000),
/// and `bias` is pure sampling noise, of order √(variance / K). Without `discount_weighting`,
/// E[ĝ] is `ExactPolicyGradient.expectedEstimate(rewardToGo: true, discountWeighting: false)`
/// mapped to θ, and `bias` approaches the distance between the two. The other estimators
/// average over time steps (and bootstrap from a critic), so for them `bias` and `cosine`
/// describe the direction and scale of what training follows relative to ∇J_H, not an error
/// that vanishes as K grows. Continuous-action jobs get `grad_norm`, `variance` and `snr` only
/// (the other columns stay NaN).
///
/// ## PPO's first minibatch step
///
/// For PPO the estimate above is not what the update applies: PPO steps on minibatches of
/// m = `count / minibatches` terms (docs/architecture.md, "Gradient diagnostics"). So on every
/// batch B_k the meter also draws the first minibatch M_k of one update's shuffle
/// (`Rollout.minibatches(size:shuffledBy:)`, from the meter's own `.diagnostics` generator),
/// standardizes the advantages over M_k when `normalize_advantage` is on (as `PPOUpdate`
/// does; here in Double), and takes the gradient of the clipped surrogate at the current
/// parameters. There r = exp(logProb − oldLogProb) = 1 lies inside the clip range, so that
/// gradient is the minibatch's vanilla estimate
///
///     ĝ_k^mb(β) = (1/m) Σ_{i∈M_k} ∇θ log π(a_i|s_i) · Â_i     (a length-P vector),
///
/// computed through the same per-term code as ĝ_k, with coefficient `termScale · count / m ·
/// Â_i` (`termScale` = 1/count for PPO) on the terms of M_k and zero elsewhere. Its
/// `minibatch_variance`, `minibatch_snr` and `minibatch_snr_unbiased` are `variance`, `snr`
/// and `snr_unbiased` of the K estimates ĝ_k^mb; they are NaN for the other estimators. With
/// `minibatches: 1`, M_k is the whole batch and ĝ_k^mb = ĝ_k bit for bit (the terms are
/// standardized in index order, as the full batch is).
///
/// ## Rows
///
/// One `VarianceRow` per baseline: the job's own first, then `compare` in order, each kind once.
/// A `value` baseline without a critic (impossible after validation) is skipped.
///
/// ## Randomness and isolation
///
/// Measurement number `index` (the Trainer hook passes the step, so measurements at different
/// steps use different draws) derives a seed
/// `m = RandomGenerator(seed: seed, stream: .diagnostics, index: 2⁴⁰ + index).next()`; the
/// environment copies are `makeBatchEnvironments(seed: m, stream: .diagnostics)`, made fresh
/// for the measurement (their generators drive the clones' transitions and resets), and the
/// actions come from `RandomGenerator(seed: m, stream:
/// .diagnostics, index: 2³²)`; PPO's minibatch shuffles from `RandomGenerator(seed: m, stream:
/// .diagnostics, index: 2³² + 1)`. Nothing is drawn from the training streams and, by the
/// `TrainerState` contract, the run's parameters, optimizer state, running baselines,
/// environments and counters are untouched: a job's curve is the same with and without
/// diagnostics, bit for bit.
public struct GradientVarianceMeter: Sendable {
    /// The job's baseline, measured first.
    public var baseline: Baseline
    /// Further baselines measured on the same batches.
    public var compare: [Baseline]
    /// K, batches per measurement.
    public var samples: Int
    /// The job's seed.
    public var seed: UInt64
    /// Where each batch starts: clones of the training copies (`continue`) or fresh episodes.
    public var start: MeasurementStart

    public init(
        baseline: Baseline, compare: [Baseline] = [], samples: Int,
        seed: UInt64, start: MeasurementStart = .continue
    ) {
        self.baseline = baseline
        self.compare = compare
        self.samples = samples
        self.seed = seed
        self.start = start
    }

    /// The meter of a job with `diagnostics`; nil without.
    public init?(settings: TrainerSettings) {
        guard let diagnostics = settings.diagnostics else { return nil }
        self.init(
            baseline: settings.baseline, compare: diagnostics.compare, samples: diagnostics.samples,
            seed: settings.seed, start: diagnostics.start)
    }

    /// The `Trainer` hook for `settings` (nil when it has no `diagnostics`):
    /// `Trainer(measurement: GradientVarianceMeter.measurement(for: settings)).run(settings, sink: sink)`.
    public static func measurement(for settings: TrainerSettings) -> ((any TrainerState, Int) -> [VarianceRow])? {
        guard let meter = GradientVarianceMeter(settings: settings) else { return nil }
        return { state, step in meter.measure(state, step: step) }
    }

    /// The measured baselines in row order: the job's, then `compare`, each once.
    public var baselines: [Baseline] {
        var kinds = [baseline]
        for kind in compare where !kinds.contains(kind) { kinds.append(kind) }
        return kinds
    }

    /// The seed of measurement number `index` (see the type's documentation).
    public static func measurementSeed(seed: UInt64, index: UInt64) -> UInt64 {
        var generator = RandomGenerator(seed: seed, stream: .diagnostics, index: (1 << 40) &+ index)
        return generator.next()
    }

    /// One measurement of `state` at `step`, using the step as the measurement index.
    public func measure(_ state: any TrainerState, step: Int) -> [VarianceRow] {
        measure(state, step: step, index: UInt64(max(step, 0)))
    }

    /// One measurement of `state`, its rows labelled `step`, its draws those of measurement `index`.
    public func measure(_ state: any TrainerState, step: Int, index: UInt64) -> [VarianceRow] {
        let kinds = baselines.filter { $0 != .value || state.critic != nil }
        guard !kinds.isEmpty, samples >= 1 else { return [] }
        let choices = kinds.map { state.resolvedBaseline($0) }
        // The exact reference first: it overwrites the policy's workspace rows, which the
        // batches below rely on.
        let reference = ExactGradientReference(state)
        let buffer = state.policy.parameters
        let P = buffer.count
        let B = kinds.count

        // Per baseline: the estimates' statistics, Σ_k ‖ĝ_k − g*‖², and Σ_k ‖ĝ_k(Float32 estimates) − ĝ_k‖².
        var statistics = Array(repeating: GradientEstimateStatistics(dimension: P), count: B)
        var squaredError = [Double](repeating: 0, count: B)
        var rounding = [Double](repeating: 0, count: B)
        var estimate = [Double](repeating: 0, count: P)
        // Every constant baseline at once, unless normalization cancels constants.
        var constants = state.settings.estimator.normalizeAdvantage ? nil : ConstantBaselineSpread(dimension: P)

        let m = Self.measurementSeed(seed: seed, index: index)
        let environments = state.makeBatchEnvironments(seed: m, stream: .diagnostics)
        var actions = RandomGenerator(seed: m, stream: .diagnostics, index: 1 << 32)
        let batch = state.makeRollout()
        let precise = PreciseEstimates(estimator: state.settings.estimator)
        // PPO only: the first minibatch step's estimates.
        var firstMinibatch = state.settings.estimator.name == .ppo
            ? FirstMinibatchGradient(
                seed: m, minibatches: state.settings.estimator.minibatches,
                normalizeAdvantage: state.settings.estimator.normalizeAdvantage, baselines: B, dimension: P)
            : nil
        for _ in 0..<samples {
            state.collectBatch(from: environments, start: start, actionGenerator: &actions, into: batch)
            precise.estimate(batch)
            for b in 0..<B {
                // ĝ_k from the Double advantages: the estimate the meter reports.
                buffer.zeroGradient()
                state.accumulatePolicyGradient(batch, advantages: precise.advantages(for: choices[b]), scale: 1)
                let g = buffer.gradient
                for j in 0..<P { estimate[j] = Double(g[j]) }
                // The same estimate from the Float32 returns, values and advantages training uses.
                buffer.zeroGradient()
                state.accumulatePolicyGradient(batch, baseline: choices[b], scale: 1)
                var r = 0.0
                for j in 0..<P {
                    let d = Double(g[j]) - estimate[j]
                    r += d * d
                }
                rounding[b] += r
                statistics[b].add(estimate)
                if let reference {
                    var e = 0.0
                    for j in 0..<P {
                        let d = estimate[j] - reference.gradient[j]
                        e += d * d
                    }
                    squaredError[b] += e
                }
            }
            if constants != nil {
                buffer.zeroGradient()
                state.accumulatePolicyGradient(batch, advantages: precise.advantages(for: .none), scale: 1)
                let x = buffer.gradientArray.map(Double.init)
                buffer.zeroGradient()
                let ones = [Double](repeating: 1, count: batch.count)
                ones.withUnsafeBufferPointer { state.accumulatePolicyGradient(batch, advantages: $0.baseAddress!, scale: 1) }
                constants!.add(x: x, y: buffer.gradientArray.map(Double.init))
            }
            firstMinibatch?.add(batch, state: state, precise: precise, baselines: choices)
        }
        buffer.zeroGradient()

        var rows: [VarianceRow] = []
        rows.reserveCapacity(B)
        for b in 0..<B {
            let s = statistics[b]
            let normSquared = s.meanNormSquared
            var row = VarianceRow(
                step: step, baseline: kinds[b].rawValue, samples: samples, gradNorm: normSquared.squareRoot(),
                variance: s.variance, snr: s.snr)
            row.unbiasedSNR = s.unbiasedSNR
            row.pairwiseCosine = s.pairwiseCosine
            row.cosineToMean = s.cosineToMean
            row.precisionFloor = rounding[b] / Double(samples)
            row.inSampleConstant = constants?.optimalConstant ?? .nan
            row.inSampleVariance = constants?.minimumVariance ?? .nan
            if let minibatch = firstMinibatch?.statistics[b] {
                row.minibatchVariance = minibatch.variance
                row.minibatchSNR = minibatch.snr
                row.minibatchUnbiasedSNR = minibatch.unbiasedSNR
            }
            if let reference {
                var exactSquared = 0.0, dot = 0.0, distance = 0.0
                for j in 0..<P {
                    let e = reference.gradient[j], g = s.mean[j]
                    exactSquared += e * e
                    dot += g * e
                    distance += (g - e) * (g - e)
                }
                row.exactObjective = reference.objective
                row.optimalObjective = reference.optimalObjective
                row.exactNorm = exactSquared.squareRoot()
                row.bias = distance.squareRoot()
                row.mse = squaredError[b] / Double(samples)
                row.cosine = dot / (normSquared.squareRoot() * exactSquared.squareRoot())
            }
            rows.append(row)
        }
        return rows
    }
}
