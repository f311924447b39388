import TestSupport
import Testing

@testable import PolicyGradient

/// Where the measured batches start, on a chain whose only reward lies beyond the reach of
/// `n_steps` from the start state.
///
/// Chain of length 5 (reward only at state 4: `small_reward` 0), slip 0.2, time limit 5, A2C
/// with n_steps 3, 16 copies, tabular policy and critic at zero. From state 0 the terms of a
/// batch visit states 0, ≤ 1, ≤ 2, so a batch that starts afresh sees no reward, every Q̂ is 0
/// and every ĝ is 0. One update of training (3 steps per copy) sees no reward either, so the
/// parameters stay at zero, but it leaves the copies spread over states 0…3 with 3 steps
/// elapsed; a copy in state 3 can reach state 4 in one step and be paid there before its time
/// limit (a copy in state 2 would need two steps, and its episode is truncated first).
@Suite struct MeasurementStartTests {
    static let length = 5, nSteps = 3, numEnvs = 16, horizon = 5
    static let gamma = 0.9, slip = 0.2, largeReward = 10.0

    static func settings(start: MeasurementStart) -> TrainerSettings {
        let chain = try! Chain(length: length, slip: slip, smallReward: 0, largeReward: largeReward, horizon: horizon).mdp()
        return TrainerSettings(
            environment: .init(source: .tabular(chain), numEnvs: numEnvs),
            policy: .init(architecture: .tabular),
            estimator: .init(name: .a2c, gamma: gamma, nSteps: nSteps),
            baseline: .value,
            optimizer: .init(configuration: .sgd(), lr: 0.1, maxGradNorm: nil),
            training: .init(steps: nSteps * numEnvs, evalEvery: 1_000, evalEpisodes: 1),
            diagnostics: .init(every: nSteps * numEnvs, samples: 4_000, compare: [.none, .mean, .optimal], start: start),
            seed: 3)
    }

    /// Trains one update and measures at its end with `start`; also returns the training copies'
    /// (state, elapsed steps) at that moment and whether the parameters were still all zero.
    static func measureAfterOneUpdate(start: MeasurementStart) -> (
        rows: [VarianceRow], copies: [(state: Int, elapsed: Int)], zeroParameters: Bool
    ) {
        let s = settings(start: start)
        let meter = GradientVarianceMeter(settings: s)!
        var rows: [VarianceRow] = []
        var copies: [(state: Int, elapsed: Int)] = []
        var zero = false
        let trainer = Trainer(measurement: { state, step in
            guard step == nSteps * numEnvs, let session = state as? TrainingSession<VectorEnvironment<TabularEnvironment>> else { return [] }
            let vector = session.environments
            copies = (0..<vector.numEnvs).map { (vector.copies[$0].base.stateIndex, vector.copies[$0].elapsedSteps) }
            zero = session.buffers.allSatisfy { $0.parameterArray.allSatisfy { $0 == 0 } }
            rows = meter.measure(state, step: step)
            return rows
        })
        _ = trainer.run(s, sink: RecordingSink())
        return (rows, copies, zero)
    }

    /// One batch of the same estimator, simulated independently from the copies' (state, elapsed):
    /// uniform policy (zero logits), zero critic (so Q̂ is the n-step reward sum, cut at episode
    /// ends), ĝ = Σ_k ∇θ log π(a_k|s_k) Q̂_k / (n_steps · num_envs) over the [states × 2] logits.
    static func simulatedEstimate(
        _ copies: [(state: Int, elapsed: Int)], using generator: inout TestGenerator
    ) -> [Double] {
        var g = [Double](repeating: 0, count: length * 2)
        let scale = 1 / Double(nSteps * copies.count)
        for copy in copies {
            var s = copy.state, elapsed = copy.elapsed
            var states: [Int] = [], actions: [Int] = [], rewards: [Double] = [], ended: [Bool] = []
            for _ in 0..<nSteps {
                let a = Bool.random(using: &generator) ? 0 : 1
                let slipped = Double.random(in: 0..<1, using: &generator) < slip
                let forward = (a == 0) != slipped
                // r(s, a) is the mean over the slip: at the last state 0.8·10 forward, 0.2·10 back.
                let reward = s == length - 1 ? (a == 0 ? (1 - slip) : slip) * largeReward : 0
                states.append(s)
                actions.append(a)
                rewards.append(reward)
                s = forward ? min(s + 1, length - 1) : 0
                elapsed += 1
                let truncated = elapsed == horizon
                ended.append(truncated)
                if truncated { s = 0; elapsed = 0 }
            }
            var next = 0.0
            for t in stride(from: nSteps - 1, through: 0, by: -1) {
                // Bootstraps from the zero critic: nothing is added at episode ends or the rollout's end.
                let q = rewards[t] + gamma * (ended[t] || t == nSteps - 1 ? 0 : next)
                next = q
                for b in 0..<2 { g[states[t] * 2 + b] += scale * ((b == actions[t] ? 1 : 0) - 0.5) * q }
            }
        }
        return g
    }

    @Test func freshEpisodesSeeNoRewardSoEveryBaselineReadsZero() {
        let (rows, copies, zero) = Self.measureAfterOneUpdate(start: .reset)
        #expect(zero && copies.contains { $0.state == Self.length - 2 })
        #expect(rows.map(\.baseline) == ["value", "none", "mean", "optimal"])
        for row in rows { #expect(row.variance == 0 && row.gradNorm == 0) }
    }

    /// The measured variance from clones of the training copies against a Monte Carlo of the
    /// same estimator from the same states (200,000 batches, seed 1). Tolerance: 4 standard
    /// errors of the meter's K = 4000-sample estimate (from the Monte Carlo's spread of
    /// ‖ĝ − E ĝ‖²) plus the Monte Carlo's own.
    @Test func continuingBatchesMeasureTheVarianceOfTheNextUpdatesEstimate() {
        let (rows, copies, zero) = Self.measureAfterOneUpdate(start: .continue)
        #expect(zero)
        #expect(copies.contains { $0.state == Self.length - 2 } && copies.allSatisfy { $0.elapsed == Self.nSteps })
        var generator = TestGenerator(state: 1)
        let batches = 200_000, P = Self.length * 2
        var estimates = [[Double]]()
        estimates.reserveCapacity(batches)
        var mean = [Double](repeating: 0, count: P)
        for _ in 0..<batches {
            let g = Self.simulatedEstimate(copies, using: &generator)
            for j in 0..<P { mean[j] += g[j] / Double(batches) }
            estimates.append(g)
        }
        var sum = 0.0, squares = 0.0
        for g in estimates {
            var d = 0.0
            for j in 0..<P { d += (g[j] - mean[j]) * (g[j] - mean[j]) }
            sum += d
            squares += d * d
        }
        let variance = sum / Double(batches - 1)
        let spread = (squares / Double(batches) - variance * variance).squareRoot()
        let tolerance = 4 * spread * (1 / Double(4_000).squareRoot() + 1 / Double(batches).squareRoot())
        #expect(variance > 0)
        #expect(rows.count == 4)
        for row in rows {
            #expect(abs(row.variance - variance) <= tolerance, "\(row.baseline): \(row.variance) vs \(variance) ± \(tolerance)")
        }
    }
}
