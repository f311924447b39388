import TestSupport
import Testing
@testable import PolicyGradient

/// The bit patterns of a curve, so comparisons are exact (NaN included).
func bitPatterns(_ rows: [CurveRow]) -> [[UInt64]] {
    rows.map { r in
        [UInt64(r.step), UInt64(r.episodes)]
            + [r.evalReturnMean, r.evalReturnStd, r.trainReturn, r.entropy, r.policyLoss, r.valueLoss].map(\.bitPattern)
    }
}

/// SB3's A2C settings for CartPole-v1 (rl-zoo3 defaults), with a smaller budget.
func a2cCartPole(steps: Int, seed: UInt64 = 0) -> TrainerSettings {
    TrainerSettings(
        environment: .init(id: "CartPole-v1", numEnvs: 8),
        estimator: .init(name: .a2c, gamma: 0.99, nSteps: 5),
        baseline: .value,
        critic: .init(valueCoef: 0.5),
        optimizer: .init(configuration: .rmsprop(alpha: 0.99, eps: 1e-5), lr: 7e-4, maxGradNorm: 0.5),
        training: .init(steps: steps, evalEvery: steps / 4, evalEpisodes: 5),
        seed: seed)
}

@Suite struct TrainerTests {
    @Test func sameSeedGivesBitwiseIdenticalCurves() {
        // The built-in estimators, whatever other tests have registered.
        for name in PolicyGradientAlgorithms.builtIn.map(\.name) {
            var settings = a2cCartPole(steps: 4_000, seed: 3)
            settings.estimator = .init(name: name, nSteps: name == .ppo ? 16 : 5, episodesPerUpdate: 2)
            settings.entropyCoef = 0.01
            let a = RecordingSink(), b = RecordingSink()
            let outcomeA = Trainer.run(settings, sink: a)
            let outcomeB = Trainer.run(settings, sink: b)
            #expect(outcomeA.status == .completed, "\(name)")
            #expect(outcomeA == outcomeB || (outcomeA.finalReturn.isNaN && outcomeB.finalReturn.isNaN), "\(name)")
            #expect(bitPatterns(a.curve) == bitPatterns(b.curve), "\(name)")
            #expect(a.curve.count == 5, "\(name): rows at 0, 1000, 2000, 3000, 4000")
            var other = settings
            other.seed = 4
            let c = RecordingSink()
            _ = Trainer.run(other, sink: c)
            #expect(bitPatterns(a.curve) != bitPatterns(c.curve), "\(name)")
        }
    }

    @Test func rowsFollowTheEvaluationSchedule() {
        let settings = a2cCartPole(steps: 1_000)  // eval_every 250, updates of 40 steps
        let sink = RecordingSink()
        let outcome = Trainer.run(settings, sink: sink)
        #expect(outcome.status == .completed)
        #expect(outcome.steps == 1_000)
        #expect(sink.curve.map(\.step) == [0, 280, 520, 760, 1_000])
        #expect(sink.curve[0].policyLoss.isNaN && sink.curve[0].trainReturn.isNaN)
        #expect(sink.curve[1].entropy > 0.6 && sink.curve[1].entropy <= 0.6932)
        #expect(outcome.finalReturn == sink.curve.last!.evalReturnMean)
    }

    /// Both update rules stop the run `diverged` at the update whose loss or step is not finite.
    @Test(arguments: [TrainerSettings.EstimatorName.a2c, .ppo])
    func hugeLearningRateDivergesWithoutCrashing(name: TrainerSettings.EstimatorName) {
        var settings = a2cCartPole(steps: 20_000)
        if name == .ppo { settings.estimator = .init(name: .ppo, nSteps: 16) }
        settings.optimizer = .init(configuration: .sgd(), lr: 1e30, maxGradNorm: nil)
        let sink = RecordingSink()
        let outcome = Trainer.run(settings, sink: sink)
        #expect(outcome.status == .diverged)
        #expect(outcome.steps < 20_000)
        #expect(outcome.finalReturn.isNaN)
        #expect(outcome.error?.hasSuffix("at step \(outcome.steps)") == true)
        #expect(sink.curve.last.map { $0.step < outcome.steps } == true, "no row for the diverged update")
    }

    @Test func stopRequestInterrupts() {
        let settings = a2cCartPole(steps: 20_000)
        let sink = RecordingSink()
        sink.stopAfterRows = 2
        let outcome = Trainer.run(settings, sink: sink)
        #expect(outcome.status == .interrupted)
        #expect(outcome.steps == 5_000)
        #expect(sink.curve.count == 2)
    }

    @Test func impossibleSettingsFail() {
        var settings = a2cCartPole(steps: 1_000)
        settings.policy.architecture = .tabular
        let outcome = Trainer.run(settings, sink: RecordingSink())
        #expect(outcome.status == .failed)
        #expect(outcome.error?.contains("tabular") == true)
        var pendulum = a2cCartPole(steps: 1_000)
        pendulum.environment = .init(id: "Pendulum-v1")
        pendulum.estimator = .init(name: .actorCritic)
        #expect(Trainer.run(pendulum, sink: RecordingSink()).status == .failed)
    }
}

@Suite struct TrainerComponentTests {
    /// Combinations the other tests do not reach run to completion with finite rows:
    /// Gaussian policies (separate and shared trunk), actor_critic with a target network and
    /// a shared trunk, REINFORCE with the mean and optimal baselines on an MLP, a linear policy,
    /// linear schedules and normalized advantages.
    @Test func componentCombinationsTrain() throws {
        func settings(_ id: String, _ estimator: TrainerSettings.Estimator) -> TrainerSettings {
            TrainerSettings(
                environment: .init(id: id, numEnvs: 4), estimator: estimator, baseline: .value,
                optimizer: .init(configuration: .adam(), lr: 1e-3, schedule: .linear),
                training: .init(steps: 2_000, evalEvery: 1_000, evalEpisodes: 2))
        }
        var cases: [TrainerSettings] = []
        cases.append(settings("Pendulum-v1", .init(name: .ppo, nSteps: 32, minibatches: 4)))
        var shared = settings("Pendulum-v1", .init(name: .a2c, normalizeAdvantage: true))
        shared.critic.shareTrunk = true
        shared.entropyCoef = 0.01
        cases.append(shared)
        var q = settings("CartPole-v1", .init(name: .actorCritic, nSteps: 8))
        q.critic = .init(shareTrunk: true, target: .targetNetwork, targetUpdate: 5)
        cases.append(q)
        var gae = settings("Acrobot-v1", .init(name: .gae, gaeLambda: 0.9, bootstrapTruncated: false))
        gae.environment.maxEpisodeSteps = 50
        gae.policy.architecture = .linear
        cases.append(gae)
        for kind in [Baseline.mean, .optimal] {
            var r = settings("MountainCar-v0", .init(name: .reinforce, episodesPerUpdate: 3))
            r.environment.maxEpisodeSteps = 40
            r.baseline = kind
            cases.append(r)
        }
        for s in cases {
            let sink = RecordingSink()
            let outcome = Trainer.run(s, sink: sink)
            #expect(outcome.status == .completed, "\(s.environment.source) \(s.estimator.name) \(outcome)")
            #expect(outcome.finalReturn.isFinite)
            let last = try #require(sink.curve.last)
            #expect(last.policyLoss.isFinite && last.entropy.isFinite && last.valueLoss.isFinite == s.hasCritic,
                    "\(s.estimator.name)")
        }
    }
}
