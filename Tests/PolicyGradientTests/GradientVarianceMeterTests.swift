import TestSupport
import Testing

@testable import PolicyGradient

/// The small MDP of the diagnostics tests: states 0, 1, 2 and the terminal state 3, two actions,
/// noisy rewards (σ = 0.3), horizon 5, episodes starting in 0 or 1.
func diagnosticsTestMDP() -> TabularMDP {
    let spec = TabularSpec(
        states: 4, actions: 2, initial: [0.6, 0.4, 0, 0],
        transitions: [
            [[0, 0.7, 0.3, 0], [0.2, 0, 0.5, 0.3]],
            [[0, 0.2, 0.5, 0.3], [0.6, 0.2, 0, 0.2]],
            [[0.3, 0.3, 0.2, 0.2], [0, 0, 0.4, 0.6]],
            [[0, 0, 0, 1], [0, 0, 0, 1]],
        ],
        rewards: [[1.0, 2.0], [0.5, 3.0], [2.5, 1.0], [0, 0]], rewardNoise: 0.3, terminal: [3], horizon: 5)
    return try! spec.build()
}

/// Fixed non-uniform logits z[s][a] of the tabular test policy, flat [4 × 2].
let diagnosticsTestLogits: [Float] = [0.4, -0.3, -0.5, 0.6, 0.2, 0.1, 0.3, -0.2]

/// V(s) of the fixed critic used as a `value` baseline: deliberately not V^π.
let diagnosticsTestCritic: [Float] = [2.0, 1.0, 3.0, 0.5]

/// Single-episode REINFORCE (γ = 0.9, reward to go) with a tabular policy on `diagnosticsTestMDP`.
func reinforceTabularSettings(
    baseline: Baseline = .none, discountWeighting: Bool = true, steps: Int = 1_000,
    episodesPerUpdate: Int = 1, diagnostics: TrainerSettings.Diagnostics? = nil, seed: UInt64 = 11
) -> TrainerSettings {
    TrainerSettings(
        environment: .init(source: .tabular(diagnosticsTestMDP())),
        policy: .init(architecture: .tabular),
        estimator: .init(
            name: .reinforce, gamma: 0.9, episodesPerUpdate: episodesPerUpdate, rewardToGo: true,
            discountWeighting: discountWeighting),
        baseline: baseline,
        optimizer: .init(configuration: .sgd(), lr: 0.05, maxGradNorm: nil),
        training: .init(steps: steps, evalEvery: max(1, steps / 4), evalEpisodes: 4),
        diagnostics: diagnostics, seed: seed)
}

/// A training state at the fixed test logits (and the fixed critic when it has one).
func frozenTabularState(_ settings: TrainerSettings) -> any TrainerState {
    let state = try! Trainer.makeState(settings)
    state.policy.parameters.parameterArray = diagnosticsTestLogits
    if let critic = state.critic { critic.parameters.parameterArray = diagnosticsTestCritic }
    return state
}

@Suite struct GradientVarianceMeterTests {
    /// The meter's columns against a plain two-pass recomputation from the same draws
    /// (same measurement seed, same generators), the estimates taken through `policyGradient`.
    @Test func rowsMatchATwoPassRecomputation() {
        let settings = reinforceTabularSettings(baseline: .value)
        let state = frozenTabularState(settings)
        let meter = GradientVarianceMeter(baseline: .value, compare: [.none, .value, .mean], samples: 50, seed: 5)
        #expect(meter.baselines == [.value, .none, .mean])
        let rows = meter.measure(state, step: 7, index: 3)
        #expect(rows.map(\.baseline) == ["value", "none", "mean"])

        let reference = ExactGradientReference(state)!
        let m = GradientVarianceMeter.measurementSeed(seed: 5, index: 3)
        let environments = state.makeBatchEnvironments(seed: m, stream: .diagnostics)
        var actions = RandomGenerator(seed: m, stream: .diagnostics, index: 1 << 32)
        let batch = state.makeRollout()
        let choices: [ResolvedBaseline] = [.value, .none, .constant(0)]
        var estimates = [[[Double]]](repeating: [], count: 3)
        var rounding = [Double](repeating: 0, count: 3)
        // The meter's estimates come from the batch's Q̂ and advantages in Double; the floor is
        // their mean squared distance to the Float32 estimates training computes.
        let precise = PreciseEstimates(estimator: settings.estimator)
        let buffer = state.policy.parameters
        for _ in 0..<50 {
            state.collectBatch(from: environments, start: .continue, actionGenerator: &actions, into: batch)
            precise.estimate(batch)
            for b in 0..<3 {
                buffer.zeroGradient()
                state.accumulatePolicyGradient(batch, advantages: precise.advantages(for: choices[b]), scale: 1)
                let g = buffer.gradientArray.map(Double.init)
                estimates[b].append(g)
                let f = state.policyGradient(batch, baseline: choices[b]).map(Double.init)
                rounding[b] += zip(f, g).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            }
        }
        for b in 0..<3 {
            let row = rows[b]
            let P = estimates[b][0].count
            var mean = [Double](repeating: 0, count: P)
            for g in estimates[b] { for j in 0..<P { mean[j] += g[j] / 50 } }
            var spread = 0.0, squaredError = 0.0
            for g in estimates[b] {
                for j in 0..<P {
                    spread += (g[j] - mean[j]) * (g[j] - mean[j])
                    squaredError += (g[j] - reference.gradient[j]) * (g[j] - reference.gradient[j])
                }
            }
            let norm = mean.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let exactNorm = reference.gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
            var distance = 0.0, dot = 0.0
            for j in 0..<P {
                distance += (mean[j] - reference.gradient[j]) * (mean[j] - reference.gradient[j])
                dot += mean[j] * reference.gradient[j]
            }
            #expect(row.step == 7 && row.samples == 50)
            #expect(row.variance > 0)
            #expect(isClose(row.gradNorm, norm, relative: 1e-9, absolute: 1e-9))
            #expect(row.precisionFloor == rounding[b] / 50 && row.precisionFloor > 0)
            #expect(isClose(row.variance, spread / 49, relative: 1e-9, absolute: 1e-9))
            #expect(isClose(row.snr, row.gradNorm * row.gradNorm / row.variance, relative: 1e-12, absolute: 1e-12))
            #expect(isClose(row.exactNorm, exactNorm, relative: 1e-12, absolute: 1e-12))
            #expect(isClose(row.bias, distance.squareRoot(), relative: 1e-9, absolute: 1e-9))
            #expect(isClose(row.mse, squaredError / 50, relative: 1e-9, absolute: 1e-9))
            #expect(isClose(row.cosine, dot / (norm * exactNorm), relative: 1e-9, absolute: 1e-9))
            #expect(isClose(row.exactObjective, reference.objective, relative: 1e-12, absolute: 1e-12))
            #expect(isClose(row.optimalObjective, reference.optimalObjective, relative: 1e-12, absolute: 1e-12))
            // MSE = bias² + (K − 1)/K · variance for sample moments.
            #expect(isClose(row.mse, row.bias * row.bias + 49.0 / 50 * row.variance, relative: 1e-9, absolute: 1e-9))
            // Ilyas et al.'s agreement, pair by pair, and the signal-to-noise ratio less 1/K.
            func inner(_ x: [Double], _ y: [Double]) -> Double { zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
            let live = estimates[b].filter { inner($0, $0) > 0 }
            var pairs = 0.0, toMean = 0.0
            for i in live.indices {
                toMean += inner(live[i], mean) / (inner(live[i], live[i]).squareRoot() * norm) / Double(live.count)
                for j in live.indices where j > i {
                    pairs += inner(live[i], live[j]) / (inner(live[i], live[i]) * inner(live[j], live[j])).squareRoot()
                }
            }
            pairs /= Double(live.count * (live.count - 1) / 2)
            #expect(live.count > 40)
            #expect(isClose(row.pairwiseCosine, pairs, relative: 1e-9, absolute: 1e-12))
            #expect(isClose(row.cosineToMean, toMean, relative: 1e-9, absolute: 1e-12))
            #expect(isClose(row.unbiasedSNR, row.snr - 1.0 / 50, relative: 1e-9, absolute: 1e-12))
            // The in-sample best constant is the same in every row and no constant does better.
            #expect(row.inSampleConstant == rows[0].inSampleConstant && row.inSampleVariance == rows[0].inSampleVariance)
            #expect(row.inSampleConstant.isFinite && row.inSampleVariance > 0)
            if b > 0 { #expect(row.inSampleVariance <= row.variance * (1 + 1e-12)) }
        }
    }

    /// The exact reference through the policy equals `ExactPolicyGradient` on the logits
    /// (a tabular policy's θ are its logits, so the chain rule is the identity there) and
    /// agrees with a central finite difference of J_H in θ for an MLP policy.
    @Test func exactReferenceIsTheChainRuleThroughThePolicy() {
        let mdp = diagnosticsTestMDP()
        let state = frozenTabularState(reinforceTabularSettings())
        let reference = ExactGradientReference(state)!
        let direct = ExactPolicyGradient(mdp: mdp, gamma: 0.9, logits: diagnosticsTestLogits.map(Double.init))
        #expect(isClose(reference.objective, direct.objective, relative: 1e-6, absolute: 1e-6))
        for j in 0..<8 { #expect(abs(reference.gradient[j] - direct.gradient[j]) <= 1e-6) }

        var settings = reinforceTabularSettings()
        settings.policy = .init(architecture: .mlp, hidden: [5], activation: .tanh, initialization: .normal)
        let network = try! Trainer.makeState(settings)
        guard case .discrete(let policy) = network.policy else { Issue.record("discrete policy expected"); return }
        let exact = ExactGradientReference(network)!
        let theta = policy.parameters.parameterArray
        func objective(_ values: [Float]) -> Double {
            policy.parameters.parameterArray = values
            let logits = ExactGradientReference.forwardStates(policy, states: mdp.states)
            return ExactPolicyGradient(mdp: mdp, gamma: 0.9, logits: logits).objective
        }
        let h: Float = 1e-2
        var worst = 0.0
        for j in stride(from: 0, to: theta.count, by: 3) {
            var plus = theta, minus = theta
            plus[j] += h
            minus[j] -= h
            let difference = (objective(plus) - objective(minus)) / Double(plus[j] - minus[j])
            worst = max(worst, abs(difference - exact.gradient[j]))
        }
        policy.parameters.parameterArray = theta
        // Float32 forward passes: differences of J_H carry ~1e-7 absolute error, /2h ≈ 1e-5.
        #expect(worst <= 2e-4)
        #expect(exact.gradient.contains { abs($0) > 1e-3 })
    }

    /// Rows appear at step 0 and at every multiple of `every` through the Trainer hook, the job's
    /// baseline first and `compare` after it, without the duplicate.
    @Test func trainerHookWritesRowsOnSchedule() {
        var settings = TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 8),
            estimator: .init(name: .a2c, gamma: 0.99, nSteps: 5),
            baseline: .value,
            training: .init(steps: 1_000, evalEvery: 500, evalEpisodes: 2),
            seed: 2)
        settings.diagnostics = .init(every: 200, samples: 3, compare: [.none, .value, .mean])
        let sink = RecordingSink()
        let outcome = Trainer(measurement: GradientVarianceMeter.measurement(for: settings)).run(settings, sink: sink)
        #expect(outcome.status == .completed)
        // 40 steps per update: every multiple of 200 is reached exactly.
        #expect(sink.variance.map(\.step) == [0, 200, 400, 600, 800, 1_000].flatMap { [$0, $0, $0] })
        #expect(sink.variance.map(\.baseline) == Array(repeating: ["value", "none", "mean"], count: 6).flatMap { $0 })
        for row in sink.variance {
            #expect(row.samples == 3)
            #expect(row.variance >= 0 && row.gradNorm >= 0)
            #expect(isClose(row.snr, row.gradNorm * row.gradNorm / row.variance, relative: 1e-12, absolute: 1e-12))
            #expect(row.exactObjective.isNaN && row.bias.isNaN && row.mse.isNaN && row.cosine.isNaN)
        }
        // At step 0 the mean baseline is 0, so `mean` and `none` are the same estimator.
        #expect(sink.variance[1].variance == sink.variance[2].variance)
        #expect(sink.variance[4].variance != sink.variance[5].variance)

        var without = settings
        without.diagnostics = nil
        #expect(GradientVarianceMeter.measurement(for: without) == nil)
    }

    /// Continuous actions: norm, variance and SNR only.
    @Test func continuousActionsGetVarianceOnly() {
        let settings = TrainerSettings(
            environment: .init(id: "Pendulum-v1", numEnvs: 2),
            policy: .init(hidden: [8]),
            estimator: .init(name: .gae, nSteps: 8),
            baseline: .value,
            training: .init(steps: 100),
            diagnostics: .init(every: 100, samples: 4, compare: [.none]),
            seed: 1)
        let state = try! Trainer.makeState(settings)
        let rows = GradientVarianceMeter(settings: settings)!.measure(state, step: 0)
        #expect(rows.map(\.baseline) == ["value", "none"])
        for row in rows {
            #expect(row.variance > 0 && row.gradNorm > 0 && row.snr.isFinite)
            #expect(row.exactObjective.isNaN && row.optimalObjective.isNaN && row.exactNorm.isNaN)
            #expect(row.bias.isNaN && row.mse.isNaN && row.cosine.isNaN)
        }
    }

    /// The same measurement index repeats its draws; another index draws afresh; the parameters,
    /// the running baselines and the gradient buffer are left as they were.
    @Test func measurementsAreDeterministicAndLeaveTheStateAlone() {
        let settings = reinforceTabularSettings(baseline: .value)
        let state = frozenTabularState(settings)
        let meter = GradientVarianceMeter(baseline: .value, compare: [.none], samples: 20, seed: 9)
        let before = state.policy.parameters.parameterArray
        let criticBefore = state.critic!.parameters.parameterArray
        let first = meter.measure(state, step: 100)
        let again = meter.measure(state, step: 100)
        let later = meter.measure(state, step: 200)
        // Compared as text: every Double prints in its shortest round-trip form, and the
        // columns a REINFORCE job leaves NaN compare equal there.
        #expect(first.map { "\($0)" } == again.map { "\($0)" })
        #expect(first[0].variance != later[0].variance)
        #expect(state.policy.parameters.parameterArray == before)
        #expect(state.critic!.parameters.parameterArray == criticBefore)
        #expect(state.policy.parameters.gradientArray.allSatisfy { $0 == 0 })
        #expect(state.meanBaseline == 0 && state.optimalBaseline == 0 && state.updatesDone == 0)
    }

    /// A `value` baseline without a critic is skipped, not a crash.
    @Test func valueWithoutCriticIsSkipped() {
        let state = frozenTabularState(reinforceTabularSettings(baseline: .none))
        #expect(state.critic == nil)
        let rows = GradientVarianceMeter(baseline: .none, compare: [.value, .optimal], samples: 5, seed: 0)
            .measure(state, step: 0)
        #expect(rows.map(\.baseline) == ["none", "optimal"])
    }
}
