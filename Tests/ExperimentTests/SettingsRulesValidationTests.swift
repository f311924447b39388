import Experiment
import PolicyGradient
import Testing
import YAML

/// Every rule of `TrainerSettings.rules` is an error of validation, at the offending setting.
struct SettingsRulesValidationTests {
    let scratch = Scratch()

    /// A file breaking each rule (and only it), by rule name, with the line holding the
    /// offending value, that value, and the key path the error names.
    static let examples: [String: (yaml: String, line: Int, value: String, path: String)] = [
        "counts-at-least-one": ("""
            experiment: t
            environment: {id: CartPole-v1}
            estimator: {name: a2c}
            training:
              steps: 1000
              eval_episodes: 0
            """, 6, "0", "training.eval_episodes"),
        "tabular-policy-needs-tabular-environment": ("""
            experiment: t
            environment: {id: CartPole-v1}
            estimator: {name: a2c}
            training: {steps: 1000}
            policy: {architecture: tabular}
            """, 5, "tabular", "policy.architecture"),
        "actor-critic-needs-discrete-actions": ("""
            experiment: t
            environment: {id: Pendulum-v1}
            estimator:
              name: actor_critic
            training: {steps: 1000}
            """, 4, "actor_critic", "estimator.name"),
        "share-trunk-needs-mlp": ("""
            experiment: t
            environment: {id: CartPole-v1}
            estimator: {name: a2c}
            training: {steps: 1000}
            policy: {architecture: linear}
            critic:
              share_trunk: true
            """, 7, "true", "critic.share_trunk"),
        "value-comparison-needs-critic": ("""
            experiment: t
            environment: {id: CartPole-v1}
            estimator: {name: reinforce}
            training: {steps: 1000}
            diagnostics:
              gradient_variance: {every: 500, samples: 2, compare: [none, value]}
            """, 6, "value", "diagnostics.gradient_variance.compare[1]"),
        "budget-holds-one-update": ("""
            experiment: t
            environment: {id: CartPole-v1, num_envs: 4}
            estimator: {name: a2c, n_steps: 5}
            training:
              steps: 10
            """, 5, "10", "training.steps"),
        "minibatches-fit-the-batch": ("""
            experiment: t
            environment: {id: CartPole-v1}
            estimator: {name: ppo, n_steps: 8, minibatches: 16}
            training: {steps: 1000}
            """, 3, "16", "estimator.minibatches"),
        "baseline-decay-in-range": ("""
            experiment: t
            environment: {id: CartPole-v1}
            estimator: {name: a2c}
            training: {steps: 1000}
            baseline: mean
            baseline_decay: 1.5
            """, 6, "1.5", "baseline_decay"),
        "normalized-observations-need-a-network": ("""
            experiment: t
            environment:
              id: Chain
              normalize: true
            estimator: {name: reinforce}
            policy: {architecture: tabular}
            training: {steps: 1000}
            """, 4, "true", "environment.normalize"),
        "sde-needs-continuous-actions": ("""
            experiment: t
            environment: {id: CartPole-v1}
            estimator: {name: a2c}
            training: {steps: 1000}
            policy:
              sde: true
            """, 6, "true", "policy.sde"),
        "sde-needs-fixed-length-rollouts": ("""
            experiment: t
            environment: {id: Pendulum-v1}
            estimator: {name: reinforce}
            training: {steps: 1000}
            policy: {sde: true}
            """, 5, "true", "policy.sde"),
        "sde-without-diagnostics": ("""
            experiment: t
            environment: {id: Pendulum-v1}
            estimator: {name: a2c}
            training: {steps: 1000}
            policy: {sde: true}
            diagnostics:
              gradient_variance: {every: 500, samples: 2}
            """, 7, "{every", "diagnostics.gradient_variance"),
    ]

    @Test func everyRuleHasAnExample() {
        #expect(Set(Self.examples.keys) == Set(TrainerSettings.rules.map(\.name)))
    }

    @Test(arguments: TrainerSettings.rules.map(\.name))
    func validationReportsTheRuleAtTheSetting(_ name: String) throws {
        let example = try #require(Self.examples[name])
        let errors = scratch.errors(example.yaml).filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        let line = example.yaml.split(separator: "\n", omittingEmptySubsequences: false)[example.line - 1]
        let column = try #require(line.range(of: ": " + example.value).map { line.distance(from: line.startIndex, to: $0.upperBound) - example.value.count + 1 }
            ?? line.range(of: " " + example.value).map { line.distance(from: line.startIndex, to: $0.upperBound) - example.value.count + 1 })
        #expect(error.mark.line == example.line && error.mark.column == column, "\(error)")
        #expect(error.path == example.path, "\(error)")
    }
}
