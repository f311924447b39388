import Testing

@testable import PolicyGradient

/// Per-component sample mean and standard error (s/√N) of ĝ over N batches.
struct GradientSample {
    var mean: [Double]
    var standardError: [Double]

    /// max_j |mean_j − target_j| / SE_j over components with SE_j > 0; components with SE_j = 0
    /// (never-visited states) must match to 1e-9 or the result is infinite.
    func worstStandardizedError(against target: [Double]) -> Double {
        var worst = 0.0
        for j in 0..<mean.count {
            let d = abs(mean[j] - target[j])
            if standardError[j] > 0 { worst = max(worst, d / standardError[j]) } else if d > 1e-9 { return .infinity }
        }
        return worst
    }
}

/// Estimates ĝ for each baseline on the same `batches` batches, drawn from the diagnostics
/// stream with seed `seed` (environment copies and actions), parameters frozen.
func sampleGradients(
    _ state: any TrainerState, baselines: [ResolvedBaseline], batches: Int, seed: UInt64
) -> [GradientSample] {
    let environments = state.makeBatchEnvironments(seed: seed, stream: .diagnostics)
    var actions = RandomGenerator(seed: seed, stream: .diagnostics, index: 1 << 32)
    let batch = state.makeRollout()
    let P = state.policy.parameters.count
    var sums = [[Double]](repeating: [Double](repeating: 0, count: P), count: baselines.count)
    var squares = sums
    for _ in 0..<batches {
        state.collectBatch(from: environments, actionGenerator: &actions, into: batch)
        for (b, choice) in baselines.enumerated() {
            let g = state.policyGradient(batch, baseline: choice)
            for j in 0..<P {
                let x = Double(g[j])
                sums[b][j] += x
                squares[b][j] += x * x
            }
        }
    }
    let n = Double(batches)
    return (0..<baselines.count).map { b in
        let mean = sums[b].map { $0 / n }
        let standardError = (0..<P).map { j in
            (max(0, squares[b][j] - n * mean[j] * mean[j]) / (n - 1) / n).squareRoot()
        }
        return GradientSample(mean: mean, standardError: standardError)
    }
}

/// REINFORCE with reward-to-go and γᵗ weighting is unbiased for ∇J_H whatever a state-dependent
/// baseline (Williams 1992; Sutton et al. 2000), checked by Monte Carlo on `diagnosticsTestMDP`
/// (γ = 0.9, H = 5) with a tabular policy at fixed non-uniform logits: single-episode
/// REINFORCE with reward to go, 20,000 batches, tolerance 4 standard errors per component.
@Suite struct UnbiasednessTests {
    static let batches = 20_000
    /// none; a constant b = 1.8 (as a `mean` would be); a constant b = −0.6 (as an `optimal`
    /// would be); the fixed critic V(s) = `diagnosticsTestCritic`.
    static let baselines: [ResolvedBaseline] = [.none, .constant(1.8), .constant(-0.6), .value]

    /// With γᵗ weighting, E[ĝ] = ∇θ J_H for every baseline: every component within 4 SE.
    @Test func discountWeightedReinforceIsUnbiasedForEveryBaseline() {
        let state = frozenTabularState(reinforceTabularSettings(baseline: .value, discountWeighting: true))
        let exact = ExactGradientReference(state)!
        #expect(exact.gradient.filter { abs($0) > 0.01 }.count >= 4)
        let samples = sampleGradients(state, baselines: Self.baselines, batches: Self.batches, seed: 101)
        for (b, sample) in samples.enumerated() {
            let z = sample.worstStandardizedError(against: exact.gradient)
            #expect(z <= 4, "baseline \(Self.baselines[b]): worst |mean − ∇J_H| = \(z) SE")
        }
        // The baselines change the spread, not the mean: the value baseline's SEs differ from none's.
        #expect(samples[3].standardError != samples[0].standardError)
    }

    /// Several copies: with `num_envs` 4 and episodes of different lengths (the terminal state),
    /// each copy's quota of first episodes after the reset is fixed before stepping, so short
    /// episodes are not over-represented. Discount-weighted REINFORCE stays unbiased for ∇J_H:
    /// every component within 4 SE for `episodes_per_update` 2 (fewer episodes than copies),
    /// 4 (one each) and 6 (uneven quotas 2, 2, 1, 1), 20,000 batches each.
    @Test(arguments: [2, 4, 6]) func multiCopyReinforceIsUnbiased(episodesPerUpdate: Int) {
        var settings = reinforceTabularSettings(
            baseline: .value, discountWeighting: true, episodesPerUpdate: episodesPerUpdate)
        settings.environment.numEnvs = 4
        let state = frozenTabularState(settings)
        let exact = ExactGradientReference(state)!
        let baselines: [ResolvedBaseline] = [.none, .value]
        let samples = sampleGradients(state, baselines: baselines, batches: Self.batches, seed: 505)
        for (b, sample) in samples.enumerated() {
            let z = sample.worstStandardizedError(against: exact.gradient)
            #expect(z <= 4, "episodes_per_update \(episodesPerUpdate), baseline \(baselines[b]): \(z) SE")
        }
    }

    /// Without γᵗ weighting the mean is the predicted Σₜ Aₜ (mapped to θ), not ∇J_H: within 4 SE
    /// of the prediction for every baseline, and more than 8 SE from ∇J_H in some component.
    @Test func undiscountedReinforceMatchesThePredictedBias() {
        let state = frozenTabularState(reinforceTabularSettings(baseline: .value, discountWeighting: false))
        let reference = ExactGradientReference(state)!
        guard case .discrete(let policy) = state.policy else { Issue.record("discrete policy expected"); return }
        let predicted = ExactGradientReference.backpropagate(
            reference.exact.expectedEstimate(rewardToGo: true, discountWeighting: false), through: policy, states: 4)
        let samples = sampleGradients(state, baselines: Self.baselines, batches: Self.batches, seed: 202)
        for (b, sample) in samples.enumerated() {
            let toPrediction = sample.worstStandardizedError(against: predicted)
            let toExact = sample.worstStandardizedError(against: reference.gradient)
            #expect(toPrediction <= 4, "baseline \(Self.baselines[b]): \(toPrediction) SE from the prediction")
            #expect(toExact > 8, "baseline \(Self.baselines[b]): only \(toExact) SE from ∇J_H")
        }
    }

    /// The meter's `bias` column tells the two apart: with K = 80,000 batches its noise floor is
    /// √(variance / K) (E‖ḡ − E ĝ‖² = variance / K). Unbiased: bias ≤ 4 √(variance/K) and
    /// cosine ≥ 0.99. Biased: bias within 4 √(variance/K) of ‖E ĝ − ∇J_H‖ (the predicted
    /// distance) and above 8 √(variance/K).
    @Test func meterBiasSeparatesTheTwoWeightings() {
        let K = 80_000
        let meter = GradientVarianceMeter(baseline: .value, compare: [.none], samples: K, seed: 303)

        let unbiased = frozenTabularState(reinforceTabularSettings(baseline: .value, discountWeighting: true))
        for row in meter.measure(unbiased, step: 0) {
            let floor = (row.variance / Double(K)).squareRoot()
            #expect(row.bias <= 4 * floor, "\(row.baseline): bias \(row.bias), noise floor \(floor)")
            #expect(row.cosine >= 0.99, "\(row.baseline): cosine \(row.cosine)")
        }

        let biased = frozenTabularState(reinforceTabularSettings(baseline: .value, discountWeighting: false))
        let reference = ExactGradientReference(biased)!
        guard case .discrete(let policy) = biased.policy else { Issue.record("discrete policy expected"); return }
        let predicted = ExactGradientReference.backpropagate(
            reference.exact.expectedEstimate(rewardToGo: true, discountWeighting: false), through: policy, states: 4)
        var distance = 0.0
        for j in 0..<predicted.count { distance += (predicted[j] - reference.gradient[j]) * (predicted[j] - reference.gradient[j]) }
        distance = distance.squareRoot()
        for row in meter.measure(biased, step: 0) {
            let floor = (row.variance / Double(K)).squareRoot()
            #expect(abs(row.bias - distance) <= 4 * floor, "\(row.baseline): bias \(row.bias), predicted \(distance)")
            #expect(row.bias > 8 * floor, "\(row.baseline): bias \(row.bias), noise floor \(floor)")
        }
    }
}
