import Foundation
import TestSupport
import Testing
@testable import PolicyGradient

/// A run saved between two updates, written out, read back into a freshly built run of the
/// same settings and continued, writes the same curve and ends with the same parameters, bit
/// for bit, as the run left alone.
@Suite struct TrainingSnapshotTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let estimator: TrainerSettings.EstimatorName
        let continuous: Bool
        /// With `environment.normalize` (observations and rewards).
        var normalized = false
        /// With gSDE (`policy.sde`; a new matrix every 3 steps for ppo).
        var sde = false
        var testDescription: String {
            "\(estimator) \(continuous ? "gaussian" : "discrete")\(normalized ? " normalized" : "")\(sde ? " gsde" : "")"
        }
    }

    static let cases: [Case] =
        [TrainerSettings.EstimatorName.reinforce, .actorCritic, .a2c, .gae, .ppo].map { Case(estimator: $0, continuous: false) }
        + [TrainerSettings.EstimatorName.reinforce, .a2c, .gae, .ppo].map { Case(estimator: $0, continuous: true) }
        + [TrainerSettings.EstimatorName.reinforce, .a2c, .ppo].map { Case(estimator: $0, continuous: false, normalized: true) }
        + [Case(estimator: .ppo, continuous: true, normalized: true)]
        + [TrainerSettings.EstimatorName.a2c, .gae, .ppo].map { Case(estimator: $0, continuous: true, sde: true) }

    /// Small settings touching every kind of saved state: a critic (a target network for
    /// actor_critic, a shared trunk for gae), the optimal baseline's running sums for
    /// REINFORCE, each optimizer, a linear schedule, entropy, and truncated episodes.
    static func settings(_ c: Case) -> TrainerSettings {
        let optimizer: OptimizerConfiguration = switch c.estimator {
        case .a2c: .rmsprop()
        case .actorCritic: .sgd(momentum: 0.9)
        default: .adam()
        }
        return TrainerSettings(
            environment: .init(
                id: c.continuous ? "Pendulum-v1" : "CartPole-v1", numEnvs: 2, maxEpisodeSteps: 30,
                normalize: c.normalized ? Normalization() : nil),
            policy: .init(
                hidden: [8], logStdInit: c.continuous ? -0.5 : 0, sde: c.sde,
                sdeSampleFreq: c.sde && c.estimator == .ppo ? 3 : -1),
            estimator: .init(name: c.estimator, gamma: 0.95, nSteps: 8, episodesPerUpdate: 3, epochs: 2, minibatches: 3),
            baseline: c.estimator == .reinforce ? .optimal : .value,
            critic: .init(
                hidden: [8], shareTrunk: c.estimator == .gae,
                target: c.estimator == .actorCritic ? .targetNetwork : .stopgrad, targetUpdate: 3),
            entropyCoef: 0.01,
            optimizer: .init(configuration: optimizer, lr: 1e-3, schedule: .linear),
            training: .init(steps: 600, evalEvery: 100, evalEpisodes: 2),
            seed: 11)
    }

    /// Bit patterns, so that NaN equals NaN and −0 differs from 0.
    static func parameters(_ session: any SessionRunning) -> [[UInt32]] {
        var buffers = [session.policy.parameters]
        if let critic = session.critic, critic.parameters !== session.policy.parameters {
            buffers.append(critic.parameters)
        }
        return buffers.map { $0.parameterArray.map(\.bitPattern) }
    }

    /// Every field of each row, floats by bit pattern.
    static func bits(_ rows: [UpdateStatistics]) -> [[UInt64]] {
        rows.map { s in
            [UInt64(s.step), UInt64(s.updates), UInt64(bitPattern: Int64(s.stoppedEpoch ?? -1))]
                + [s.learningRate, s.clipRange, s.entropyLoss, s.policyGradientLoss, s.valueLoss, s.loss, s.approxKL,
                   s.clipFraction, s.explainedVariance, s.std, s.gradNorm, s.episodeReturnMean, s.episodeLengthMean]
                .map(\.bitPattern)
        }
    }

    @Test(arguments: cases) func resumedRunMatchesUninterruptedRun(_ c: Case) throws {
        let settings = Self.settings(c)
        let whole = try Trainer.makeSession(settings)
        let wholeSink = RecordingSink()
        let wholeOutcome = whole.run(sink: wholeSink, measurement: nil)
        #expect(wholeOutcome.status == .completed)

        let first = try Trainer.makeSession(settings)
        let firstSink = RecordingSink()
        #expect(first.run(sink: firstSink, measurement: nil, pausingAt: 250).status == .interrupted)
        let paused = first.stepsDone
        #expect(paused >= 250 && paused < settings.training.steps)
        let data = try first.snapshot().save()

        let second = try Trainer.makeSession(settings)
        let snapshot = try TrainingSnapshot.load(data)
        #expect(bitPatterns(snapshot.curve) == bitPatterns(firstSink.curve))
        try second.restore(snapshot)
        let secondSink = RecordingSink()
        let outcome = second.run(sink: secondSink, measurement: nil)

        #expect(outcome.status == .completed && outcome.steps == wholeOutcome.steps)
        #expect(outcome.finalReturn.bitPattern == wholeOutcome.finalReturn.bitPattern)
        #expect(!secondSink.curve.isEmpty && !firstSink.curve.isEmpty)
        #expect(bitPatterns(firstSink.curve + secondSink.curve) == bitPatterns(wholeSink.curve))
        // updates.csv's rows too, whose n_updates and 100-episode window span the pause.
        #expect(wholeSink.updates.count == whole.updatesDone && wholeSink.updates.last?.episodeReturnMean.isFinite == true)
        #expect(Self.bits(firstSink.updates + secondSink.updates) == Self.bits(wholeSink.updates))
        #expect(Self.parameters(second) == Self.parameters(whole))
        // gSDE's exploration matrices are saved and put back.
        #expect((snapshot.exploration != nil) == c.sde)
        #expect(second.snapshot().exploration == whole.snapshot().exploration)
        if c.sde {
            let fresh = try Trainer.makeSession(settings)
            try fresh.restore(snapshot)
            #expect(fresh.snapshot().exploration == snapshot.exploration && snapshot.exploration!.contains { $0 != 0 })
        }
    }

    @Test func snapshotOfOtherSettingsIsRefused() throws {
        let data = try Trainer.makeSession(Self.settings(Case(estimator: .ppo, continuous: false))).snapshot().save()
        let other = try Trainer.makeSession(Self.settings(Case(estimator: .a2c, continuous: false)))
        #expect(throws: TrainerError.self) { try other.restore(TrainingSnapshot.load(data)) }
        let normalized = try Trainer.makeSession(Self.settings(Case(estimator: .ppo, continuous: false, normalized: true)))
        #expect(throws: TrainerError.self) { try normalized.restore(TrainingSnapshot.load(data)) }
        let sde = try Trainer.makeSession(Self.settings(Case(estimator: .ppo, continuous: true, sde: true)))
        let plain = try Trainer.makeSession(Self.settings(Case(estimator: .ppo, continuous: true))).snapshot().save()
        #expect(throws: TrainerError.self) { try sde.restore(TrainingSnapshot.load(plain)) }
    }
}
