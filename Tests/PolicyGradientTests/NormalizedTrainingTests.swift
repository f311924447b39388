import TestSupport
import Testing
@testable import PolicyGradient

/// `environment.normalize` in a run: the statistics learn from every training observation and
/// return and from nothing else (evaluation and diagnostics read them frozen), and a run
/// without it is untouched.
@Suite struct NormalizedTrainingTests {
    static func settings(normalize: Normalization?, diagnostics: Bool = false) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: "MountainCar-v0", numEnvs: 4, maxEpisodeSteps: 40, normalize: normalize),
            policy: .init(hidden: [8]),
            estimator: .init(name: .ppo, nSteps: 16, epochs: 2, minibatches: 2),
            baseline: .value,
            critic: .init(hidden: [8]),
            optimizer: .init(configuration: .adam(), lr: 1e-3),
            training: .init(steps: 640, evalEvery: 128, evalEpisodes: 3),
            diagnostics: diagnostics ? .init(every: 256, samples: 2, compare: [.none]) : nil,
            seed: 3)
    }

    /// The observation statistics merge the N first observations and then N per step; the
    /// return statistics N per step; evaluation episodes (3 copies, many steps) add nothing.
    @Test func statisticsCountTrainingStepsOnly() throws {
        let session = try Trainer.makeSession(Self.settings(normalize: Normalization()))
        #expect(session.run(sink: RecordingSink(), measurement: nil).status == .completed)
        let state = try #require(session.snapshot().normalization)
        let n = 4.0, steps = Double(session.stepsDone)
        #expect(abs(state.observations.count - (1e-4 + n + steps)) < 1e-9, "\(state.observations.count)")
        #expect(abs(state.returns.count - (1e-4 + steps)) < 1e-9, "\(state.returns.count)")
        // MountainCar's rewards are −1: the discounted returns have spread, so the scale is learned.
        #expect(state.returns.variance[0] != 1)
        #expect(state.observations.mean.allSatisfy { $0 != 0 })
    }

    /// Diagnostics draw from their own environments with the statistics frozen: same curve.
    @Test func diagnosticsLeaveTheStatisticsAlone() throws {
        let plain = try Trainer.makeSession(Self.settings(normalize: Normalization()))
        let plainSink = RecordingSink()
        _ = plain.run(sink: plainSink, measurement: nil)
        let settings = Self.settings(normalize: Normalization(), diagnostics: true)
        let measured = try Trainer.makeSession(settings)
        let measuredSink = RecordingSink()
        let measurement = try #require(GradientVarianceMeter.measurement(for: settings))
        _ = measured.run(sink: measuredSink, measurement: measurement)
        #expect(plainSink.curve.map(\.evalReturnMean) == measuredSink.curve.map(\.evalReturnMean))
        #expect(plain.snapshot().normalization == measured.snapshot().normalization)
    }

    /// Normalizing rewards only leaves observations raw, and vice versa.
    @Test func eachHalfCanBeOff() throws {
        let rewardsOnly = try Trainer.makeSession(Self.settings(normalize: Normalization(observations: false)))
        _ = rewardsOnly.run(sink: RecordingSink(), measurement: nil)
        let state = try #require(rewardsOnly.snapshot().normalization)
        #expect(state.observations == RunningMeanStd(size: 2))
        #expect(state.returns.count > 1)
    }
}
