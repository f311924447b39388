import Experiment
import PolicyGradient
import Foundation
import Testing
import YAML

/// `runner import zoo`: files in rl-zoo3's format carrying the zoo's published values for the
/// four environments the runner has (Fixtures/zoo) become experiments that validate and hold
/// those values; what cannot be mapped is said in comments; the rest are located errors.
@Suite struct ZooImportTests {
    static func fixture(_ name: String) throws -> String {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return root.appendingPathComponent("zoo/\(name)").path
    }

    /// The imported experiment, loaded as `runner` would load it.
    static func imported(_ algorithm: ZooImport.Algorithm, _ environment: String) throws -> (text: String, plan: ExperimentPlan) {
        let text = try ZooImport.experiment(
            fileAt: fixture("\(algorithm.rawValue).yml"), algorithm: algorithm, environment: environment)
        return (text, try Scratch().load("imported.yaml", text))
    }

    static let environments = ["CartPole-v1", "Acrobot-v1", "MountainCar-v0", "Pendulum-v1"]

    @Test(arguments: ZooImport.Algorithm.allCases, environments)
    func everyEntryImportsIntoAValidExperiment(_ algorithm: ZooImport.Algorithm, _ environment: String) throws {
        let (_, plan) = try Self.imported(algorithm, environment)
        #expect(plan.jobs.count == 5)
        #expect(plan.cells[0].settings.environment.id.rawValue == environment)
    }

    @Test func ppoCartPoleCarriesTheZoosValues() throws {
        let s = try Self.imported(.ppo, "CartPole-v1").plan.cells[0].settings
        #expect(s.environment.numEnvs == 8 && s.training.steps == 100_000)
        #expect(s.estimator.name == .ppo && s.estimator.nSteps == 32 && s.estimator.gaeLambda == 0.8)
        #expect(s.estimator.gamma == 0.98 && s.estimator.epochs == 20)
        // batch_size 256 of 8 x 32 = 256 terms: one minibatch.
        #expect(s.estimator.minibatches == 1)
        #expect(s.estimator.clip == 0.2 && s.estimator.clipSchedule == .linear)
        #expect(s.optimizer.lr == 0.001 && s.optimizer.schedule == .linear && s.optimizer.eps == 1e-5)
        #expect(s.environment.normalize == nil)
    }

    @Test func sb3DefaultsFillWhatTheEntrySkips() throws {
        let ppo = try Self.imported(.ppo, "MountainCar-v0").plan.cells[0].settings
        #expect(ppo.environment.normalize == .init())
        // 16 x 16 = 256 terms in minibatches of SB3's default batch_size 64.
        #expect(ppo.estimator.minibatches == 4 && ppo.estimator.clip == 0.2 && ppo.optimizer.lr == 3e-4)
        #expect(ppo.critic.valueCoef == 0.5 && ppo.optimizer.maxGradNorm == 0.5 && ppo.estimator.normalizeAdvantage)
        let a2c = try Self.imported(.a2c, "Acrobot-v1").plan.cells[0].settings
        #expect(a2c.estimator.name == .a2c && a2c.estimator.nSteps == 5 && a2c.training.steps == 500_000)
        #expect(a2c.optimizer.name == .rmsprop && a2c.optimizer.lr == 7e-4 && a2c.optimizer.eps == 1e-5)
        #expect(!a2c.estimator.normalizeAdvantage)
    }

    @Test func a2cOnPendulumBecomesGAEWithTheEntrysSettings() throws {
        let (_, plan) = try Self.imported(.a2c, "Pendulum-v1")
        let s = plan.cells[0].settings
        // gae_lambda 0.9 < 1: SB3's A2C computes GAE over its rollouts.
        #expect(s.estimator.name == .gae && s.estimator.gaeLambda == 0.9 && s.estimator.gamma == 0.9)
        #expect(s.policy.logStdInit == -2 && s.critic.valueCoef == 0.4 && s.optimizer.schedule == .linear)
    }

    @Test func policyKwargsAndNormalizeStringsAreRead() throws {
        let scratch = Scratch()
        let path = scratch.write("zoo.yml", """
            Acrobot-v1:
              normalize: "{'norm_obs': True, 'norm_reward': False, 'clip_obs': 5.0}"
              policy_kwargs: "dict(activation_fn=nn.ReLU, net_arch=[dict(pi=[256, 256], vf=[128])])"
              clip_range_vf: 0.1
              target_kl: 0.02
              frame_stack: 4

            """)
        let text = try ZooImport.experiment(fileAt: path, algorithm: .ppo, environment: "Acrobot-v1")
        let s = try scratch.load("imported.yaml", text).cells[0].settings
        #expect(s.environment.normalize == Normalization(observations: true, rewards: false))
        #expect(s.policy.hidden == [256, 256] && s.critic.hidden == [128] && s.policy.activation == .relu)
        #expect(s.estimator.clipValue == 0.1 && s.estimator.targetKL == 0.02)
        #expect(text.contains("# not mapped: frame_stack: 4  # no equivalent setting"))
        #expect(text.contains("# not mapped: normalize clip_obs  # set environment.normalize by hand"), "\(text)")
        #expect(!text.contains("norm_obs  #"))
    }

    @Test func anEnvironmentTheRunnerLacksIsALocatedError() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ZooImport.experiment(fileAt: Self.fixture("ppo.yml"), algorithm: .ppo, environment: "LunarLander-v2")
        }
        let e = try #require(error.diagnostics.first)
        #expect(e.mark.line == 52 && e.mark.column == 1, "\(e)")
        #expect(e.message.contains("'LunarLander-v2' is not available here"), "\(e)")
    }

    @Test func aMissingEntryGetsASuggestionAndABadValueIsLocated() throws {
        let missing = try #require(throws: ConfigurationError.self) {
            try ZooImport.experiment(fileAt: Self.fixture("a2c.yml"), algorithm: .a2c, environment: "CartPole-v0")
        }
        #expect(missing.diagnostics.first?.message == "no entry for 'CartPole-v0'; did you mean 'CartPole-v1'?")
        let scratch = Scratch()
        let path = scratch.write("zoo.yml", "CartPole-v1:\n  n_envs: many\n  learning_rate: exp_0.1\n")
        let bad = try #require(throws: ConfigurationError.self) {
            try ZooImport.experiment(fileAt: path, algorithm: .a2c, environment: "CartPole-v1")
        }
        #expect(bad.diagnostics.map(\.path) == ["CartPole-v1.n_envs", "CartPole-v1.learning_rate"])
        #expect(bad.diagnostics.first?.mark.line == 2 && bad.diagnostics.first?.mark.column == 11)
    }
}
