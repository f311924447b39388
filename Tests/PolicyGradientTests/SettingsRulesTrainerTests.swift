import TestSupport
import Testing
@testable import PolicyGradient

/// Every rule of `TrainerSettings.rules` fails a job that breaks it, naming the setting.
struct SettingsRulesTrainerTests {
    /// One job breaking each rule (and only it), by rule name.
    static let examples: [String: TrainerSettings] = [
        "counts-at-least-one": TrainerSettings(
            environment: .init(id: "CartPole-v1"), estimator: .init(name: .a2c),
            training: .init(steps: 100, evalEpisodes: 0)),
        "tabular-policy-needs-tabular-environment": TrainerSettings(
            environment: .init(id: "CartPole-v1"), policy: .init(architecture: .tabular), estimator: .init(name: .a2c),
            training: .init(steps: 100)),
        "actor-critic-needs-discrete-actions": TrainerSettings(
            environment: .init(id: "Pendulum-v1"), estimator: .init(name: .actorCritic), training: .init(steps: 100)),
        "share-trunk-needs-mlp": TrainerSettings(
            environment: .init(id: "CartPole-v1"), policy: .init(architecture: .linear), estimator: .init(name: .a2c),
            critic: .init(shareTrunk: true), training: .init(steps: 100)),
        "value-comparison-needs-critic": TrainerSettings(
            environment: .init(id: "CartPole-v1"), estimator: .init(name: .reinforce), training: .init(steps: 100),
            diagnostics: .init(every: 50, samples: 2, compare: [.none, .value])),
        "budget-holds-one-update": TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 4), estimator: .init(name: .a2c, nSteps: 5),
            training: .init(steps: 10)),
        "minibatches-fit-the-batch": TrainerSettings(
            environment: .init(id: "CartPole-v1"), estimator: .init(name: .ppo, nSteps: 8, minibatches: 16),
            training: .init(steps: 100)),
        "baseline-decay-in-range": TrainerSettings(
            environment: .init(id: "CartPole-v1"), estimator: .init(name: .a2c), baseline: .mean,
            training: .init(steps: 100), baselineDecay: 1.5),
        "normalized-observations-need-a-network": TrainerSettings(
            environment: .init(source: .tabular(try! Chain().mdp()), normalize: Normalization()),
            policy: .init(architecture: .tabular), estimator: .init(name: .reinforce), training: .init(steps: 100)),
        "sde-needs-continuous-actions": TrainerSettings(
            environment: .init(id: "CartPole-v1"), policy: .init(sde: true), estimator: .init(name: .a2c),
            training: .init(steps: 100)),
        "sde-needs-fixed-length-rollouts": TrainerSettings(
            environment: .init(id: "Pendulum-v1"), policy: .init(sde: true), estimator: .init(name: .reinforce),
            training: .init(steps: 100)),
        "sde-without-diagnostics": TrainerSettings(
            environment: .init(id: "Pendulum-v1"), policy: .init(sde: true), estimator: .init(name: .a2c),
            training: .init(steps: 100), diagnostics: .init(every: 50, samples: 2, compare: [.none])),
    ]

    static let cartPole = EnvironmentTraits(EnvironmentRegistry.descriptor(id: "CartPole-v1")!)
    static let pendulum = EnvironmentTraits(EnvironmentRegistry.descriptor(id: "Pendulum-v1")!)
    static let tabular = EnvironmentTraits(name: "a tabular MDP", isTabular: true, hasContinuousActions: false)

    @Test func everyRuleHasAnExample() {
        #expect(Set(Self.examples.keys) == Set(TrainerSettings.rules.map(\.name)))
        #expect(Set(TrainerSettings.rules.map(\.name)).count == TrainerSettings.rules.count)
    }

    @Test(arguments: TrainerSettings.rules.map(\.name))
    func theTrainerFailsAJobThatBreaksTheRule(_ name: String) throws {
        let settings = try #require(Self.examples[name])
        let continuous = ["actor-critic-needs-discrete-actions", "sde-needs-fixed-length-rollouts", "sde-without-diagnostics"]
        let environment = continuous.contains(name) ? Self.pendulum
            : name == "normalized-observations-need-a-network" ? Self.tabular : Self.cartPole
        let violations = settings.violations(on: environment)
        #expect(violations.map(\.rule) == [name], "\(violations)")
        let violation = try #require(violations.first)

        let sink = RecordingSink()
        let outcome = Trainer().run(settings, sink: sink)
        #expect(outcome.status == .failed)
        #expect(outcome.error == violation.description)
        #expect(sink.curve.isEmpty)
    }

    @Test func aJobThatBreaksNoRuleRuns() {
        var settings = Self.examples["budget-holds-one-update"]!
        settings.training = .init(steps: 20, evalEpisodes: 1)
        #expect(settings.violations(on: Self.cartPole).isEmpty)
        #expect(Trainer.run(settings, sink: RecordingSink()).status == .completed)
    }

    @Test func violationsNameTheirSettingByKeyPath() {
        let compare = Self.examples["value-comparison-needs-critic"]!.violations(on: Self.cartPole)
        #expect(compare.map(\.keyPath) == ["diagnostics.gradient_variance.compare[1]"])
        let counts = Self.examples["counts-at-least-one"]!.violations(on: Self.cartPole)
        #expect(counts.map(\.description) == ["training.eval_episodes: must be at least 1"])
    }
}
