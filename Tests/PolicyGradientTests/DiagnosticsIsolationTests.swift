import TestSupport
import Testing

@testable import PolicyGradient

/// The bit patterns of every field of a curve, so the comparison is exact (NaN included).
private func curveBits(_ rows: [CurveRow]) -> [[UInt64]] {
    rows.map { r in
        [UInt64(r.step), UInt64(r.episodes)]
            + [r.evalReturnMean, r.evalReturnStd, r.trainReturn, r.entropy, r.policyLoss, r.valueLoss].map(\.bitPattern)
    }
}

/// docs/architecture.md, "Determinism": diagnostics draw from their own stream and never change training.
@Suite struct DiagnosticsIsolationTests {
    /// Runs `settings` with and without diagnostics; returns both sinks and outcomes.
    private func runBoth(_ settings: TrainerSettings) -> (with: RecordingSink, without: RecordingSink,
        outcomes: (TrainingOutcome, TrainingOutcome))
    {
        var plain = settings
        plain.diagnostics = nil
        let with = RecordingSink(), without = RecordingSink()
        let a = Trainer(measurement: GradientVarianceMeter.measurement(for: settings)).run(settings, sink: with)
        let b = Trainer.run(plain, sink: without)
        return (with, without, (a, b))
    }

    @Test func a2cCartPoleCurveIsBitwiseIdentical() {
        let settings = TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 4),
            policy: .init(hidden: [16, 16]),
            estimator: .init(name: .a2c, gamma: 0.99, nSteps: 5),
            baseline: .value,
            entropyCoef: 0.01,
            optimizer: .init(configuration: .rmsprop(alpha: 0.99, eps: 1e-5), lr: 7e-4, maxGradNorm: 0.5),
            training: .init(steps: 2_000, evalEvery: 400, evalEpisodes: 3),
            diagnostics: .init(every: 300, samples: 4, compare: [.none, .mean, .optimal]),
            seed: 21)
        let (with, without, outcomes) = runBoth(settings)
        #expect(outcomes.0.status == .completed)
        #expect(outcomes.0.steps == outcomes.1.steps)
        #expect(outcomes.0.finalReturn.bitPattern == outcomes.1.finalReturn.bitPattern)
        #expect(with.curve.count == 6)
        #expect(curveBits(with.curve) == curveBits(without.curve))
        // The hook did run: step 0 plus 6 crossings of a multiple of 300, four baselines each.
        #expect(with.variance.count == 7 * 4)
        #expect(without.variance.isEmpty)
    }

    /// PPO's minibatch measurement shuffles batches of its own, never training's.
    @Test func ppoCartPoleCurveIsBitwiseIdentical() {
        let settings = TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 4),
            policy: .init(hidden: [8]),
            estimator: .init(name: .ppo, nSteps: 16, epochs: 2, minibatches: 4),
            baseline: .value,
            critic: .init(hidden: [8]),
            training: .init(steps: 1_000, evalEvery: 500, evalEpisodes: 2),
            diagnostics: .init(every: 256, samples: 4, compare: [.none]),
            seed: 8)
        let (with, without, outcomes) = runBoth(settings)
        #expect(outcomes.0.status == .completed)
        #expect(outcomes.0.finalReturn.bitPattern == outcomes.1.finalReturn.bitPattern)
        #expect(curveBits(with.curve) == curveBits(without.curve))
        #expect(!with.variance.isEmpty && with.variance.allSatisfy { $0.minibatchVariance > 0 })
    }

    @Test func reinforceTabularCurveIsBitwiseIdentical() {
        var settings = reinforceTabularSettings(
            baseline: .value, steps: 600, episodesPerUpdate: 2,
            diagnostics: .init(every: 50, samples: 8, compare: [.none, .mean, .optimal]))
        settings.optimizer = .init(configuration: .adam(), lr: 0.05, maxGradNorm: 1)
        let (with, without, outcomes) = runBoth(settings)
        #expect(outcomes.0.status == .completed)
        #expect(outcomes.0.steps == outcomes.1.steps)
        #expect(outcomes.0.finalReturn.bitPattern == outcomes.1.finalReturn.bitPattern)
        #expect(curveBits(with.curve) == curveBits(without.curve))
        #expect(with.variance.count >= 4 * 10)
        #expect(with.variance.allSatisfy { $0.bias.isFinite && $0.exactObjective.isFinite })
        // Training moved the policy: the exact objective differs between the first and last rows.
        #expect(with.variance.first!.exactObjective != with.variance.last!.exactObjective)
    }
}
