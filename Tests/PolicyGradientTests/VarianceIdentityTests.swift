import TestSupport
import Testing

@testable import PolicyGradient

/// Per batch k, X_k = ĝ(0) and Y_k = ĝ(0) − ĝ(1) (length P, in Double), so that a constant
/// baseline b gives ĝ(b) = X_k − b·Y_k; plus ĝ(b) from the estimator for each of `probes`.
private struct ConstantBaselineDraws {
    var x: [[Double]] = []
    var y: [[Double]] = []
    var probed: [[[Double]]] = []

    init(_ state: any TrainerState, batches: Int, seed: UInt64, probes: [Float] = []) {
        let environments = state.makeBatchEnvironments(seed: seed, stream: .diagnostics)
        var actions = RandomGenerator(seed: seed, stream: .diagnostics, index: 1 << 32)
        let batch = state.makeRollout()
        probed = Array(repeating: [], count: probes.count)
        for _ in 0..<batches {
            state.collectBatch(from: environments, actionGenerator: &actions, into: batch)
            let g0 = state.policyGradient(batch, baseline: .constant(0)).map(Double.init)
            let g1 = state.policyGradient(batch, baseline: .constant(1)).map(Double.init)
            x.append(g0)
            y.append(zip(g0, g1).map { $0 - $1 })
            for (i, b) in probes.enumerated() {
                probed[i].append(state.policyGradient(batch, baseline: .constant(b)).map(Double.init))
            }
        }
    }

    var count: Int { x.count }
    var dimension: Int { x[0].count }

    func mean(_ vectors: [[Double]]) -> [Double] {
        var m = [Double](repeating: 0, count: dimension)
        for v in vectors { for j in 0..<dimension { m[j] += v[j] } }
        return m.map { $0 / Double(vectors.count) }
    }

    /// Σ_k ‖(X_k − X̄) − b (Y_k − Ȳ)‖² / divisor, formed vector by vector (the definition).
    func spread(baseline b: Double, divisor: Double) -> Double {
        let mx = mean(x), my = mean(y)
        var total = 0.0
        for k in 0..<count {
            for j in 0..<dimension {
                let d = (x[k][j] - mx[j]) - b * (y[k][j] - my[j])
                total += d * d
            }
        }
        return total / divisor
    }

    /// Per-batch scalars X_k·Y_k and |Y_k|².
    var products: (xy: [Double], yy: [Double]) {
        var xy = [Double](), yy = [Double]()
        for k in 0..<count {
            var a = 0.0, c = 0.0
            for j in 0..<dimension {
                a += x[k][j] * y[k][j]
                c += y[k][j] * y[k][j]
            }
            xy.append(a)
            yy.append(c)
        }
        return (xy, yy)
    }

    /// E|Y|² with its standard error.
    var squaredNormOfY: (value: Double, standardError: Double) {
        let yy = products.yy
        let n = Double(count), m = yy.reduce(0, +) / n
        let s2 = yy.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        return (m, (s2 / n).squareRoot())
    }

    /// b* = E[X·Y] / E|Y|² (the uncentered form the `optimal` baseline uses) with its
    /// delta-method standard error sd(X·Y − b*|Y|²) / (E|Y|² √N).
    var optimalConstant: (value: Double, standardError: Double) {
        let (xy, yy) = products
        let n = Double(count)
        let mxy = xy.reduce(0, +) / n, myy = yy.reduce(0, +) / n
        let b = mxy / myy
        let z = zip(xy, yy).map { ($0 - b * $1) / myy }
        let mz = z.reduce(0, +) / n
        let s2 = z.reduce(0) { $0 + ($1 - mz) * ($1 - mz) } / (n - 1)
        return (b, (s2 / n).squareRoot())
    }
}

/// Var(b) = Var(b*) + E|Y|² (b − b*)² for ĝ(b) = X − bY, b* = E[X·Y]/E|Y|², on single-episode
/// REINFORCE (γᵗ weighting, reward to go) on `diagnosticsTestMDP` at the fixed test logits.
@Suite struct VarianceIdentityTests {
    private func frozenState() -> any TrainerState {
        frozenTabularState(reinforceTabularSettings(baseline: .none, discountWeighting: true))
    }

    /// The estimator is linear in a constant baseline: its ĝ(b) equals X − bY (X = ĝ(0),
    /// Y = ĝ(0) − ĝ(1)) to Float32 rounding, for three b on 2,000 batches. (The variance identity
    /// itself is checked against sampling error below and through the meter in
    /// `optimalBeatsMeanBeatsNone`.)
    @Test func estimateIsLinearInAConstantBaseline() {
        let probes: [Float] = [-2, 0.7, 3.5]
        let draws = ConstantBaselineDraws(frozenState(), batches: 2_000, seed: 31, probes: probes)
        for (i, b) in probes.enumerated() {
            for k in 0..<draws.count {
                for j in 0..<draws.dimension {
                    let linear = draws.x[k][j] - Double(b) * draws.y[k][j]
                    let scale = 1 + abs(draws.x[k][j]) + abs(Double(b) * draws.y[k][j])
                    #expect(abs(draws.probed[i][k][j] - linear) <= 1e-5 * scale)
                }
            }
        }
    }

    /// The population form, from two independent sets A and B of 20,000 batches each:
    /// E[Y] = 0 (every component within 4 SE), so b* = E[X·Y]/E|Y|² is also the minimizer of the
    /// variance; the parabola's curvature E|Y|² and vertex b* agree between A and B within 4
    /// combined SE; and the variance measured on B at five b matches Var_B(b*_A) + E_A|Y|² (b − b*_A)²
    /// within 4 combined SE of the two parameters, propagated:
    /// 4 [SE(E|Y|²) (b − b*)² + 2 |b − b*| E_B|Y|² SE(b*)].
    @Test func populationIdentityHoldsWithinSamplingError() {
        let state = frozenState()
        let a = ConstantBaselineDraws(state, batches: 20_000, seed: 41)
        let b = ConstantBaselineDraws(state, batches: 20_000, seed: 42)

        let yMean = a.mean(a.y)
        for j in 0..<a.dimension {
            let values = a.y.map { $0[j] }
            let n = Double(values.count)
            let s2 = values.reduce(0) { $0 + ($1 - yMean[j]) * ($1 - yMean[j]) } / (n - 1)
            let se = (s2 / n).squareRoot()
            #expect(abs(yMean[j]) <= 4 * se + 1e-12, "E[Y]_\(j) = \(yMean[j]), SE \(se)")
        }

        let (dA, dASE) = a.squaredNormOfY, (dB, dBSE) = b.squaredNormOfY
        let (bA, bASE) = a.optimalConstant, (bB, bBSE) = b.optimalConstant
        let dSE = (dASE * dASE + dBSE * dBSE).squareRoot()
        let bSE = (bASE * bASE + bBSE * bBSE).squareRoot()
        #expect(abs(dA - dB) <= 4 * dSE, "E|Y|²: \(dA) vs \(dB) (SE \(dSE))")
        #expect(abs(bA - bB) <= 4 * bSE, "b*: \(bA) vs \(bB) (SE \(bSE))")
        #expect(bA > 0.5, "b* = \(bA): the vertex is away from b = 0 (no baseline)")

        let n = Double(b.count)
        let atOptimum = b.spread(baseline: bA, divisor: n - 1)
        for baseline in [-1.0, 0, bA / 2, bA + 1, 2 * bA] {
            let measured = b.spread(baseline: baseline, divisor: n - 1) - atOptimum
            let offset = baseline - bA
            let predicted = dA * offset * offset
            let tolerance = 4 * (dSE * offset * offset + 2 * abs(offset) * dB * bSE)
            #expect(abs(measured - predicted) <= tolerance, "b = \(baseline): \(measured) vs \(predicted) ± \(tolerance)")
        }
    }

    /// A two-step chain for the ordering test: s0 → s1 → s2 (terminal) whatever the action,
    /// rewards r(s0, ·) = (1, 3), r(s1, ·) = (20, 22), γ = 0.5, the uniform policy (zero logits).
    /// Closed forms: the score ∇_z log π(a|s) = e_a − (½, ½) has |·|² = ½ whatever a, and the two
    /// steps' scores live in different components, so with γᵗ weighting (w = 1, ½)
    /// Y = Σₜ wₜ ∇log πₜ has |Y|² = ½ + ¼·½ = 0.625 in every batch, and X·Y = Σₜ wₜ² Gₜ |∇log πₜ|²
    /// = 0.5 G₀ + 0.125 G₁, so b* = E[X·Y] / E|Y|² = E[0.8 G₀ + 0.2 G₁] = E[0.8 r₀ + 0.6 r₁]
    /// = 0.8·2 + 0.6·21 = 14.2 (per-batch variance 0.8² + 0.6² = 1, as Var r₀ = Var r₁ = 1).
    /// The mean of the Q-estimates is E[(G₀ + G₁)/2] = (12.5 + 21)/2 = 16.75 (per-episode
    /// variance (1 + 1.5²)/4 = 0.8125). b* sits between 0 and the mean, so the identity predicts
    /// Var(optimal) < Var(mean) < Var(none) with wide gaps (0.625 · 2.55² ≈ 4.1 and
    /// 0.625 · (14.2² − 2.55²) ≈ 122).
    static func twoStepChainSettings() -> TrainerSettings {
        let spec = TabularSpec(
            states: 3, actions: 2, initial: [1, 0, 0],
            transitions: [[[0, 1, 0], [0, 1, 0]], [[0, 0, 1], [0, 0, 1]], [[0, 0, 1], [0, 0, 1]]],
            rewards: [[1, 3], [20, 22], [0, 0]], terminal: [2], horizon: 5)
        return TrainerSettings(
            environment: .init(source: .tabular(try! spec.build())),
            policy: .init(architecture: .tabular, initialization: .zeros),
            estimator: .init(name: .reinforce, gamma: 0.5, episodesPerUpdate: 1, rewardToGo: true, discountWeighting: true),
            baseline: .optimal,
            optimizer: .init(configuration: .sgd(), lr: 0, maxGradNorm: nil),
            training: .init(steps: 6_000, evalEpisodes: 2),
            diagnostics: .init(every: 6_000, samples: 4_000, compare: [.mean, .none]),
            seed: 17)
    }

    /// End to end through the Trainer hook, on `twoStepChainSettings`: a run with learning rate 0
    /// (the uniform policy, frozen) keeps updating its running `mean` and `optimal` constants from
    /// its E training episodes (one per batch): each within 4 standard errors of its closed form,
    /// 16.75 ± 4 √(0.8125/E) and 14.2 ± 4 √(1/E). The reference quantities from 20,000 further
    /// batches: |Y|² = 0.625 (to Float32 rounding) and b* within 4 √(1/20,000) of 14.2.
    /// The meter's last measurement (K = 4,000 fresh batches) orders the variances
    /// optimal < mean < none, and each gap Var(b) − Var(b') matches the identity's
    /// 0.625 [(b − 14.2)² − (b' − 14.2)²] at the run's constants b, b'. Over the K batches the
    /// measured gap is S_yy (b − b')(b + b' − 2 b̂_K), with S_yy = 0.625 up to O(1/K) and b̂_K
    /// the sample optimum (SE 1/√K), so the tolerance is 4 · 0.625 |b − b'| · 2/√K, plus 0.2%
    /// of the gap for the O(1/K) terms and the (K − 1) divisor.
    @Test func optimalBeatsMeanBeatsNone() {
        let settings = Self.twoStepChainSettings()
        let meter = GradientVarianceMeter(settings: settings)!
        var constants: (mean: Double, optimal: Double) = (.nan, .nan)
        let sink = RecordingSink()
        let trainer = Trainer(measurement: { state, step in
            constants = (Double(state.meanBaseline), Double(state.optimalBaseline))
            return meter.measure(state, step: step)
        })
        #expect(trainer.run(settings, sink: sink).status == .completed)
        let last = sink.variance.suffix(3)
        #expect(last.map(\.baseline) == ["optimal", "mean", "none"])
        #expect(last.allSatisfy { $0.step >= 6_000 && $0.samples == 4_000 })
        let rows = Array(last)
        let (optimal, mean, none) = (rows[0].variance, rows[1].variance, rows[2].variance)
        #expect(optimal < mean && mean < none, "optimal \(optimal), mean \(mean), none \(none)")

        // The running constants against their closed forms.
        let episodes = Double(sink.curve.last!.episodes)
        #expect(episodes >= 2_900, "one two-step episode per batch: \(episodes)")
        let meanSE = (0.8125 / episodes).squareRoot(), optimalSE = (1 / episodes).squareRoot()
        #expect(abs(constants.mean - 16.75) <= 4 * meanSE, "mean \(constants.mean), SE \(meanSE)")
        #expect(abs(constants.optimal - 14.2) <= 4 * optimalSE, "optimal \(constants.optimal), SE \(optimalSE)")

        // E|Y|² and b* from independent batches at the same logits.
        let reference = ConstantBaselineDraws(try! Trainer.makeState(settings), batches: 20_000, seed: 51)
        let d = reference.squaredNormOfY
        #expect(abs(d.value - 0.625) <= 1e-5 && d.standardError <= 1e-6, "E|Y|² = \(d.value) ± \(d.standardError)")
        let bStar = reference.optimalConstant.value
        #expect(abs(bStar - 14.2) <= 4 * (1 / 20_000.0).squareRoot(), "b* = \(bStar)")

        // The gaps against the identity with the closed forms.
        let K = 4_000.0
        func check(_ measured: Double, high: Double, low: Double, _ label: String) {
            let predicted = 0.625 * ((high - 14.2) * (high - 14.2) - (low - 14.2) * (low - 14.2))
            let tolerance = 4 * 0.625 * abs(high - low) * 2 / K.squareRoot() + 0.002 * abs(predicted)
            #expect(abs(measured - predicted) <= tolerance, "\(label): \(measured) vs \(predicted) ± \(tolerance)")
        }
        check(mean - optimal, high: constants.mean, low: constants.optimal, "Var(mean) − Var(optimal)")
        check(none - mean, high: 0, low: constants.mean, "Var(none) − Var(mean)")
    }
}
