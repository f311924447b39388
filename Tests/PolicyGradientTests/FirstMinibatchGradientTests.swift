import TestSupport
import Testing

@testable import PolicyGradient

/// PPO's first-minibatch columns of the gradient-variance meter.
@Suite struct FirstMinibatchGradientTests {
    /// PPO on CartPole, 4 copies × 16 steps (a batch of 64 terms), at the initial parameters.
    private func ppoRows(minibatches: Int, normalizeAdvantage: Bool = true, samples: Int) -> [VarianceRow] {
        let settings = TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 4),
            policy: .init(hidden: [8]),
            estimator: .init(name: .ppo, nSteps: 16, normalizeAdvantage: normalizeAdvantage, minibatches: minibatches),
            baseline: .value,
            critic: .init(hidden: [8]),
            training: .init(steps: 1_000),
            seed: 6)
        let state = try! Trainer.makeState(settings)
        let meter = GradientVarianceMeter(baseline: .value, compare: [.none], samples: samples, seed: 6)
        return meter.measure(state, step: 0, index: 0)
    }

    /// With one minibatch, the first minibatch is the whole batch and its estimate the full batch's.
    @Test(arguments: [true, false]) func oneMinibatchIsTheFullBatchExactly(normalizeAdvantage: Bool) {
        let rows = ppoRows(minibatches: 1, normalizeAdvantage: normalizeAdvantage, samples: 6)
        #expect(rows.count == 2)
        for row in rows {
            #expect(row.variance.isFinite && row.variance > 0)
            #expect(row.minibatchVariance.bitPattern == row.variance.bitPattern, "\(row)")
            #expect(row.minibatchSNR.bitPattern == row.snr.bitPattern)
            #expect(row.minibatchUnbiasedSNR.bitPattern == row.unbiasedSNR.bitPattern)
        }
    }

    /// A quarter of the terms: about four times the variance, n/m = 4 for independent terms;
    /// standardizing over 16 terms instead of 64 adds a little (4.8 and 4.9 at this seed, 200
    /// batches), correlation in time would take some away. Tolerance: 3 to 6.
    @Test func fourMinibatchesHaveAboutFourTimesTheVariance() {
        let rows = ppoRows(minibatches: 4, samples: 200)
        for row in rows {
            let ratio = row.minibatchVariance / row.variance
            #expect(ratio > 3 && ratio < 6, "\(row.baseline): \(ratio)")
            #expect(row.minibatchSNR < row.snr)
        }
    }

    /// The other estimators leave the columns empty.
    @Test func otherEstimatorsHaveNoMinibatchColumns() {
        let settings = reinforceTabularSettings()
        let rows = GradientVarianceMeter(baseline: .none, samples: 4, seed: 5).measure(frozenTabularState(settings), step: 0)
        #expect(!rows.isEmpty)
        for row in rows { #expect(row.minibatchVariance.isNaN && row.minibatchSNR.isNaN && row.minibatchUnbiasedSNR.isNaN) }
    }
}
