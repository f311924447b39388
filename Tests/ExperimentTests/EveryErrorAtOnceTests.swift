import Experiment
import Testing
import YAML

/// Validation reports every error of a file in one pass, in file order, and answers
/// Stable-Baselines3's key names with the runner's.
@Suite struct EveryErrorAtOnceTests {
    let scratch = Scratch()

    @Test func errorsInEverySectionComeTogetherInFileOrder() {
        let errors = scratch.errors("""
            experiment: many
            environment:
              id: CartPole-v1
              num_envs: 0
            estimator:
              name: a2c
              gamma: 1.5
              n_steps: -3
            optimizer:
              lr: fast
            training:
              steps: 1000
              eval_every: 0
              eval_episods: 3
            seeds: [1, 1]

            """)
        #expect(errors.map(\.path) == [
            "environment.num_envs", "estimator.gamma", "estimator.n_steps", "optimizer.lr",
            "training.eval_every", "training.eval_episods", "seeds[1]",
        ], "\(errors)")
        #expect(errors.map(\.mark.line) == [4, 7, 8, 10, 13, 14, 15], "\(errors)")
        #expect(errors[3].message.contains("expected a number"), "\(errors[3])")
        #expect(errors[5].message.contains("did you mean 'eval_episodes'?"), "\(errors[5])")
    }

    @Test func anUnknownTopLevelKeyIsReportedBesideABadSeedsValue() {
        // The unknown key's message lists the known keys, `seeds` among them: it is still the
        // file's error, not the leaving out of `seeds`.
        let errors = scratch.errors("""
            experiment: both
            environment: {id: CartPole-v1}
            estimator: {name: a2c}
            ent_coef: 0.01
            training: {steps: 100}
            seeds: 0

            """)
        #expect(errors.map(\.path) == ["ent_coef", "seeds"], "\(errors)")
        #expect(errors.map(\.mark.line) == [4, 6], "\(errors)")
        #expect(errors[0].description.contains("here the setting is entropy_coef"), "\(errors[0])")
    }

    @Test func everyCellOfASweepIsChecked() {
        // Each swept value out of range is its own error, at the value.
        let errors = scratch.errors(minimal("grid:\n  estimator.gamma: [0.5, 2.0, 3.0]\n  optimizer.lr: [0.1, -1]\n"))
        #expect(errors.map(\.path) == ["grid.estimator.gamma", "grid.estimator.gamma", "grid.optimizer.lr"], "\(errors)")
        #expect(errors.map(\.mark.column) == [26, 31, 23], "\(errors)")
    }

    @Test func aKeyLeftOutForItsErrorIsNotReportedAgainByARuleOrAsMissing() {
        // margin's range error is reported; "needs regression.margin", which leaving it out
        // would cause, is not.
        scratch.expectSingleError(
            minimal("regression: {mode: non_inferiority, margin: -1, reference: r.csv}\n"), line: 8, column: 45,
            path: "regression.margin", contains: "must be a finite number >= 0")
        // A bad experiment name is one error, not also a missing `experiment`.
        let errors = scratch.errors(minimal().replacingOccurrences(of: "experiment: test", with: "experiment: a b"))
        #expect(errors.map(\.path) == ["experiment"], "\(errors)")
    }

    @Test func stableBaselines3NamesAreAnsweredWithOurs() {
        let errors = scratch.errors("""
            experiment: sb3
            ent_coef: 0.01
            environment:
              id: CartPole-v1
              n_envs: 8
            estimator:
              name: ppo
              gae_lambda: 0.9
              clip_range: 0.1
            optimizer:
              learning_rate: 0.001
            training:
              n_timesteps: 1000
            grid:
              vf_coef: [0.5, 1.0]

            """)
        let expected: [(path: String, ours: String)] = [
            ("ent_coef", "entropy_coef"), ("environment.n_envs", "environment.num_envs"),
            ("estimator.gae_lambda", "estimator.lambda"), ("estimator.clip_range", "estimator.clip"),
            ("optimizer.learning_rate", "optimizer.lr"), ("training.n_timesteps", "training.steps"),
            ("grid.vf_coef", "critic.value_coef"),
        ]
        // `training.steps` is required: its absence is reported after the key that was meant for it.
        #expect(errors.map(\.path) == expected.map(\.path).prefix(6) + ["training.steps", "grid.vf_coef"], "\(errors)")
        #expect(errors[6].message == "missing required key 'steps'", "\(errors)")
        for (error, (_, ours)) in zip(errors.prefix(6) + errors.suffix(1), expected) {
            #expect(error.message.contains("(Stable-Baselines3's name); here the setting is \(ours)"), "\(error)")
        }
        // A key that is ours where it stands is read, not answered.
        #expect(scratch.errors(minimal("grid:\n  estimator.gamma: [0.9, 0.99]\n")).isEmpty)
    }
}
