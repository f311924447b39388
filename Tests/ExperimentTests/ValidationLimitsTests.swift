import Experiment
import Foundation
import Testing
import YAML

/// Validation refuses, at the offending entry, what the documentation rules out or what `run`
/// could not do: names that cannot be folders, values outside their documented range, repeated
/// sweep values, sweeps above the job limit, jobs above the memory limit, and REINFORCE budgets
/// smaller than one update.
@Suite struct ValidationLimitsTests {
    let scratch = Scratch()

    // MARK: The experiment name

    @Test func aNameLongerThanTheLimitIsAnError() throws {
        let longest = String(repeating: "n", count: 200)
        let plan = try scratch.load("ok.yaml", minimal().replacingOccurrences(of: "experiment: test", with: "experiment: \(longest)"))
        #expect(plan.name == longest)
        for length in [201, 256, 10_000] {
            scratch.expectSingleError(
                minimal().replacingOccurrences(of: "experiment: test", with: "experiment: " + String(repeating: "n", count: length)),
                line: 1, column: 13, path: "experiment", contains: "limit is 200")
        }
    }

    // MARK: Documented ranges

    @Test func aBanditNeedsTwoArms() {
        let text = """
            experiment: t
            environment:
              id: Bandit
              params: {means: [1.0]}
            estimator: {name: reinforce}
            training: {steps: 100}
            """
        scratch.expectSingleError(text, line: 4, column: 19, path: "environment.params.means", contains: "at least 2 arms")
    }

    /// A regression bound of nan or ±inf would let `runner check` pass without measuring anything.
    @Test func regressionBoundsMustBeFinite() {
        for value in [".nan", ".inf", "-.inf"] {
            scratch.expectSingleError(
                minimal("regression: {min: \(value)}\n"), line: 8, column: 19, path: "regression.min", contains: "finite")
        }
        for value in [".nan", ".inf"] {
            scratch.expectSingleError(
                minimal("regression: {min: 1, tolerance: \(value)}\n"), line: 8, column: 33, path: "regression.tolerance",
                contains: "finite")
        }
    }

    @Test func infiniteFloatsDocumentedAsPositiveNumbersAreErrors() {
        scratch.expectSingleError(
            minimal().replacingOccurrences(of: "  name: a2c", with: "  name: ppo\n  clip: .inf"),
            line: 6, column: 9, path: "estimator.clip", contains: "finite")
        scratch.expectSingleError(minimal("optimizer: {eps: .inf}\n"), line: 8, column: 18, path: "optimizer.eps", contains: "finite")
        scratch.expectSingleError(
            minimal("optimizer: {max_grad_norm: .inf}\n"), line: 8, column: 28, path: "optimizer.max_grad_norm",
            contains: "finite")
    }

    // MARK: Repeated sweep values

    @Test func aRepeatedGridValueIsAnErrorAtTheRepeat() {
        let errors = scratch.errors(minimal("grid:\n  entropy_coef: [0.0, 0, 0.0e0, 0.01]\n"))
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.map(\.path) == ["grid.entropy_coef[1]", "grid.entropy_coef[2]"], "\(errors)")
        #expect(errors.map(\.mark.line) == [9, 9] && errors.map(\.mark.column) == [23, 26], "\(errors)")
        #expect(errors.first?.message.contains("repeats the value '0.0' at line 9, column 18") == true, "\(errors)")
        // Strings and mappings repeat by value; `.nan` repeats `.nan`.
        scratch.expectSingleError(
            minimal("grid:\n  baseline: [none, value, \"none\"]\n"), line: 9, column: 27, path: "grid.baseline[2]",
            contains: "repeats")
        scratch.expectSingleError(
            minimal("grid:\n  optimizer: [{name: sgd, lr: 0.1}, {lr: 1.0e-1, name: sgd}]\n"), line: 9, column: 37,
            path: "grid.optimizer[1]", contains: "repeats")
        // Both values are also out of range: every error is reported, the repeat first (file order).
        let nan = scratch.errors(minimal("grid:\n  critic.value_coef: [.nan, .NaN]\n"))
        #expect(nan.map(\.path) == ["grid.critic.value_coef", "grid.critic.value_coef[1]", "grid.critic.value_coef"], "\(nan)")
        #expect(nan.map(\.mark.column) == [23, 29, 29] && nan[1].message.contains("repeats"), "\(nan)")
    }

    @Test func aRepeatedZipRowIsAnErrorAtTheRepeat() {
        scratch.expectSingleError(
            minimal("zip:\n  - estimator.n_steps: [5, 16, 5]\n    optimizer.lr: [0.1, 0.2, 1.0e-1]\n"),
            line: 9, column: 32, path: "zip[0].estimator.n_steps[2]", contains: "repeats row 0")
        // Rows that share one value but not the other are distinct cells.
        #expect(scratch.errors(minimal("zip:\n  - estimator.n_steps: [5, 5]\n    optimizer.lr: [0.1, 0.2]\n")).isEmpty)
    }

    @Test func distinctGridValuesStillSweep() throws {
        let plan = try scratch.load("ok.yaml", minimal("grid:\n  entropy_coef: [0.0, 0.01, -0.01]\n"))
        #expect(plan.cells.map(\.label) == ["entropy_coef=0.0", "entropy_coef=0.01", "entropy_coef=-0.01"])
    }

    // MARK: Sweep size

    @Test func aSweepAboveTheJobLimitIsAnErrorAtTheGrid() {
        // Seven keys of ten values: ten million cells.
        let ten = (1...10).map { "\($0)" }.joined(separator: ", ")
        let keys = ["estimator.n_steps", "training.eval_episodes", "critic.target_update", "seeds_unused"]
            .prefix(3).map { "  \($0): [\(ten)]\n" }.joined()
        let floats = (1...10).map { "0.0\($0 - 1)1" }.joined(separator: ", ")
        let more = ["entropy_coef", "critic.value_coef", "optimizer.lr", "estimator.gamma"]
            .map { "  \($0): [\(floats)]\n" }.joined()
        scratch.expectSingleError(
            minimal("grid:\n" + keys + more), line: 8, column: 1, path: "grid",
            contains: "this sweep has 10000000 jobs")
        // The cap counts seeds: 1,001 cells of 100 seeds is over; 10 cells of 100 seeds is not.
        let thousand = (1...1001).map { "\($0)" }.joined(separator: ", ")
        scratch.expectSingleError(
            minimal("seeds: 100\ngrid:\n  estimator.n_steps: [\(thousand)]\n"), line: 9, column: 1, path: "grid",
            contains: "limit is 100000")
    }

    @Test func aSweepAtTheJobLimitExpands() throws {
        let plan = try scratch.load("ok.yaml", minimal("seeds: 10\ngrid:\n  estimator.n_steps: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"))
        #expect(plan.jobs.count == 100)
    }

    @Test func anAstronomicalSweepIsAnErrorNotAnOverflow() {
        let values = (1...1000).map { "\($0)" }.joined(separator: ", ")
        let keys = ["estimator.n_steps", "training.eval_episodes", "critic.target_update", "training.eval_every",
                    "estimator.epochs", "estimator.minibatches", "environment.num_envs"]
            .map { "  \($0): [\(values)]\n" }.joined()
        scratch.expectSingleError(minimal("grid:\n" + keys), line: 8, column: 1, path: "grid", contains: "limit is 100000")
    }

    // MARK: Memory

    @Test func hugeHiddenLayersAreAnErrorAtPolicyHidden() {
        let errors = scratch.errors(minimal("policy:\n  hidden: [65536, 65536]\n"))
        #expect(errors.count == 1, "\(errors)")
        let e = errors.first
        #expect(e?.path == "policy.hidden" && e?.mark.line == 9 && e?.mark.column == 11, "\(errors)")
        // 4,295,491,586 policy parameters: values alone are about 17.2 GB.
        #expect(e?.message.contains("this job would allocate about") == true, "\(errors)")
        #expect(e?.message.contains("limit 8 GiB") == true, "\(errors)")
        #expect(e?.message.contains("the policy's parameters") == true, "\(errors)")
    }

    @Test func aHugeBatchIsAnErrorAtItsLargerFactor() {
        let text = minimal().replacingOccurrences(of: "  id: CartPole-v1", with: "  id: CartPole-v1\n  num_envs: 65536")
            .replacingOccurrences(of: "  name: a2c", with: "  name: a2c\n  n_steps: 1000000")
            .replacingOccurrences(of: "steps: 1000\n", with: "steps: 100000000000\n")
        let errors = scratch.errors(text)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.path == "estimator.n_steps" && errors.first?.mark.line == 7, "\(errors)")
        #expect(errors.first?.message.contains("TB") == true, "\(errors)")
    }

    @Test func aSweptHugeValueIsAnErrorAtTheSweep() {
        let errors = scratch.errors(minimal("grid:\n  policy.hidden: [[64], [65536, 65536]]\n"))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.path == "grid.policy.hidden" && errors.first?.mark.line == 9, "\(errors)")
        #expect(errors.first?.mark.column == 25, "\(errors)")
    }

    @Test func theShippedExperimentsAreWellUnderTheLimits() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: experimentsDirectory.path)
        where name.hasSuffix(".yaml") {
            let plan = try ExperimentLoader().load(path: experimentsDirectory.appendingPathComponent(name).path)
            #expect(!plan.jobs.isEmpty, "\(name)")
        }
    }

    // MARK: REINFORCE budget

    @Test func aReinforceBudgetBelowOneUpdateIsAnError() throws {
        // Chain episodes end only at the time limit (20 steps): 1000 episodes take 20,000 steps.
        let text = """
            experiment: t
            environment: {id: Chain}
            estimator: {name: reinforce, episodes_per_update: 1000}
            training: {steps: 200}
            """
        scratch.expectSingleError(text, line: 4, column: 19, path: "training.steps", contains: "take at least 20000 steps")
        _ = try scratch.load("ok.yaml", text.replacingOccurrences(of: "steps: 200}", with: "steps: 20000}"))
        // Over 3 copies in lockstep, 4 episodes take 2 rounds of 3 copies: 6 episodes of 20 steps.
        scratch.expectSingleError(
            text.replacingOccurrences(of: "{id: Chain}", with: "{id: Chain, num_envs: 3}")
                .replacingOccurrences(of: "episodes_per_update: 1000", with: "episodes_per_update: 4")
                .replacingOccurrences(of: "steps: 200}", with: "steps: 119}"),
            line: 4, column: 19, path: "training.steps", contains: "take at least 120 steps")
        // CartPole episodes may end at any step: the bound is one step per episode.
        scratch.expectSingleError(
            text.replacingOccurrences(of: "{id: Chain}", with: "{id: CartPole-v1}"),
            line: 4, column: 19, path: "training.steps", contains: "of at least one step each take at least 1000 steps")
        _ = try scratch.load(
            "ok2.yaml",
            text.replacingOccurrences(of: "{id: Chain}", with: "{id: CartPole-v1}")
                .replacingOccurrences(of: "steps: 200}", with: "steps: 1000}"))
    }
}
