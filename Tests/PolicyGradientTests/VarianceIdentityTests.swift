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

    /// The sample form is an algebraic identity. With centered sample moments over N batches,
    /// S_xy = (1/N) Σ (X_k − X̄)·(Y_k − Ȳ), S_yy = (1/N) Σ ‖Y_k − Ȳ‖², b̂ = S_xy / S_yy and
    /// V(b) = (1/N) Σ ‖ĝ_k(b) − mean ĝ(b)‖² = S_xx − 2b S_xy + b² S_yy, so
    /// V(b) = V(b̂) + S_yy (b − b̂)² exactly: checked to 1e-9 relative for five b.
    /// And the estimator is linear in a constant baseline: its ĝ(b) equals X − bY to Float32 rounding.
    @Test func sampleIdentityIsExact() {
        let probes: [Float] = [-2, 0.7, 3.5]
        let draws = ConstantBaselineDraws(frozenState(), batches: 2_000, seed: 31, probes: probes)
        let n = Double(draws.count)
        for (i, b) in probes.enumerated() {
            for k in 0..<draws.count {
                for j in 0..<draws.dimension {
                    let linear = draws.x[k][j] - Double(b) * draws.y[k][j]
                    let scale = 1 + abs(draws.x[k][j]) + abs(Double(b) * draws.y[k][j])
                    #expect(abs(draws.probed[i][k][j] - linear) <= 1e-5 * scale)
                }
            }
        }
        let mx = draws.mean(draws.x), my = draws.mean(draws.y)
        var sxy = 0.0, syy = 0.0
        for k in 0..<draws.count {
            for j in 0..<draws.dimension {
                sxy += (draws.x[k][j] - mx[j]) * (draws.y[k][j] - my[j])
                syy += (draws.y[k][j] - my[j]) * (draws.y[k][j] - my[j])
            }
        }
        sxy /= n
        syy /= n
        let bHat = sxy / syy
        let atOptimum = draws.spread(baseline: bHat, divisor: n)
        for b in [-2.0, 0, 0.7, 1.8, 3.5] {
            let direct = draws.spread(baseline: b, divisor: n)
            let identity = atOptimum + syy * (b - bHat) * (b - bHat)
            #expect(abs(direct - identity) <= 1e-9 * direct, "b = \(b): \(direct) vs \(identity)")
            #expect(direct >= atOptimum)
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
    /// rewards r(s0, ·) = (1, 3), r(s1, ·) = (20, 22), γ = 0.5. Under the uniform policy the two
    /// score vectors live in different components, so with γᵗ weighting
    /// b* = Σₜ γ²ᵗ E[Gₜ] / Σₜ γ²ᵗ = (12.5 + 21/4) / 1.25 = 14.2, while the mean of the
    /// Q-estimates is (12.5 + 21) / 2 = 16.75: b* sits between 0 and the mean, so the identity
    /// predicts Var(optimal) < Var(mean) < Var(none) with wide gaps (E|Y|² = 0.625; gaps ≈
    /// 0.625 · 2.55² ≈ 4.1 and 0.625 · (14.2² − 2.55²) ≈ 122).
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
    /// its training batches; the meter's last measurement (K = 4,000 fresh batches, independent of
    /// those) orders the variances optimal < mean < none, and the gaps match the identity's
    /// prediction E|Y|² [(b − b*)² − (b' − b*)²] (E|Y|², b* from 20,000 further batches) within 15%.
    /// Margins (the predicted ratios are about 0.65 and 0.09): Var(optimal) ≤ 0.8 Var(mean),
    /// Var(mean) ≤ 0.2 Var(none).
    @Test func optimalBeatsMeanBeatsNone() {
        let settings = Self.twoStepChainSettings()
        let meter = GradientVarianceMeter(settings: settings)!
        var constants: (mean: Double, optimal: Double) = (.nan, .nan)
        let sink = DiagnosticsRecordingSink()
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
        #expect(optimal <= 0.8 * mean, "optimal \(optimal), mean \(mean)")
        #expect(mean <= 0.2 * none, "mean \(mean), none \(none)")

        // The identity's prediction of the gaps, from independent batches at the same logits.
        let reference = ConstantBaselineDraws(try! Trainer.makeState(settings), batches: 20_000, seed: 51)
        let d = reference.squaredNormOfY.value, bStar = reference.optimalConstant.value
        func predictedGap(_ high: Double, _ low: Double) -> Double {
            d * ((high - bStar) * (high - bStar) - (low - bStar) * (low - bStar))
        }
        let meanGap = predictedGap(constants.mean, constants.optimal)
        let noneGap = predictedGap(0, constants.mean)
        #expect(abs((mean - optimal) - meanGap) <= 0.15 * meanGap, "\(mean - optimal) vs \(meanGap)")
        #expect(abs((none - mean) - noneGap) <= 0.15 * noneGap, "\(none - mean) vs \(noneGap)")
    }
}
