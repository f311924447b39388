import Experiment
import Testing
import YAML

/// Every configuration error names the exact line, column and key path.
@Suite struct ErrorLocationTests {
    let scratch = Scratch()

    @Test func unknownKeyWithSuggestion() {
        scratch.expectSingleError(
            minimal("optimizer:\n  name: adam\n  learning_rat: 0.1\n"),
            line: 10, column: 3, path: "optimizer.learning_rat", contains: "unknown key")
        let e = scratch.errors(minimal("entropy_cof: 0.1\n"))
        #expect(e.count == 1)
        #expect(e.first?.message.contains("did you mean 'entropy_coef'?") == true, "\(e)")
        #expect(e.first?.mark.line == 8 && e.first?.mark.column == 1)
    }

    @Test func wrongType() {
        scratch.expectSingleError(
            minimal("entropy_coef: [0.1]\n"), line: 8, column: 15, path: "entropy_coef",
            contains: "expected")
    }

    @Test func quotedNumberWhereANumberIsExpected() {
        scratch.expectSingleError(
            minimal("entropy_coef: \"0.01\"\n"), line: 8, column: 15, path: "entropy_coef",
            contains: "quoted")
    }

    @Test func outOfRangeValue() {
        scratch.expectSingleError(
            minimal("critic:\n  value_coef: -1\n"), line: 9, column: 15, path: "critic.value_coef",
            contains: ">= 0")
        let text = """
            experiment: test
            environment: {id: CartPole-v1}
            estimator:
              name: a2c
              gamma: 1.5
            training: {steps: 1000}
            """
        scratch.expectSingleError(text, line: 5, column: 10, path: "estimator.gamma", contains: "(0, 1]")
    }

    @Test func unknownEnumValueWithSuggestion() {
        scratch.expectSingleError(
            minimal("optimizer:\n  name: rmsprp\n"), line: 9, column: 9, path: "optimizer.name",
            contains: "did you mean 'rmsprop'?")
        scratch.expectSingleError(
            minimal("baseline: valeu\n"), line: 8, column: 11, path: "baseline",
            contains: "did you mean 'value'?")
    }

    @Test func gridKeyNamingNoField() {
        scratch.expectSingleError(
            minimal("grid:\n  estimator.gama: [0.9, 0.99]\n"), line: 9, column: 3,
            path: "grid.estimator.gama", contains: "did you mean 'gamma'?")
        scratch.expectSingleError(
            minimal("grid:\n  estimatr.gamma: [0.9]\n"), line: 9, column: 3,
            path: "grid.estimatr.gamma", contains: "did you mean 'estimator'?")
    }

    @Test func gridValueOfTheWrongType() {
        scratch.expectSingleError(
            minimal("grid:\n  estimator.gamma: [0.9, fast]\n"), line: 9, column: 26,
            path: "grid.estimator.gamma", contains: "expected a number")
        scratch.expectSingleError(
            minimal("grid:\n  baseline: [none, valeu]\n"), line: 9, column: 20,
            path: "grid.baseline", contains: "did you mean 'value'?")
    }

    @Test func aBadElementOfANumberListIsLocated() {
        let text = """
            experiment: t
            environment:
              id: Bandit
              params: {means: [0.0, "1.0", 2.0]}
            estimator: {name: reinforce}
            training: {steps: 100}
            """
        scratch.expectSingleError(text, line: 4, column: 25, path: "environment.params.means[1]", contains: "quoted")
    }

    @Test func anExcludeOnARejectedSweepIsAnErrorNotACrash() {
        // The swept key's values are rejected; the exclude naming it must not crash.
        let empty = scratch.errors(minimal("grid:\n  baseline: []\nexclude:\n  - {baseline: none}\n"))
        #expect(empty.count == 1 && empty.first?.mark.line == 9, "\(empty)")
        let unequal = scratch.errors(minimal(
            "zip:\n  - {estimator.n_steps: [5, 16], optimizer.lr: [0.1]}\nexclude:\n  - {optimizer.lr: 0.1}\n"))
        #expect(unequal.first?.message.contains("unequal lengths") == true, "\(unequal)")
    }

    @Test func hugeCountsAreRangeErrorsNotOverflows() {
        scratch.expectSingleError(
            minimal("").replacingOccurrences(of: "  id: CartPole-v1", with: "  id: CartPole-v1\n  num_envs: 4611686018427387904"),
            line: 4, column: 13, path: "environment.num_envs", contains: "1...65536")
        scratch.expectSingleError(
            minimal("policy:\n  hidden: [64, 100000000]\n"), line: 9, column: 16, path: "policy.hidden[1]",
            contains: "1...65536")
    }

    @Test func ruleErrorsOnASweptValuePointAtTheSweep() {
        scratch.expectSingleError(
            minimal("grid:\n  policy.architecture: [mlp, tabular]\n"), line: 9, column: 30,
            path: "grid.policy.architecture", contains: "tabular environment")
    }

    @Test func zipListsOfUnequalLength() {
        scratch.expectSingleError(
            minimal("zip:\n  - estimator.n_steps: [5, 16]\n    optimizer.lr: [0.1, 0.2, 0.3]\n"),
            line: 10, column: 19, path: "zip[0].optimizer.lr", contains: "unequal lengths")
    }

    @Test func excludeKeyThatIsNotSwept() {
        scratch.expectSingleError(
            minimal("grid:\n  baseline: [none, value]\nexclude:\n  - {basline: none}\n"),
            line: 11, column: 6, path: "exclude[0].basline", contains: "did you mean 'baseline'?")
    }

    @Test func extendsCycle() {
        scratch.write("a.yaml", "extends: b.yaml\nexperiment: a\n")
        scratch.write("b.yaml", "# base\nextends: [c.yaml, a.yaml]\n")
        scratch.write("c.yaml", "experiment: c\n")
        let errors = scratch.errors("extends: [a.yaml]\n" + minimal(), name: "top.yaml")
        #expect(errors.count == 1)
        let e = errors.first
        #expect(e?.mark.file.hasSuffix("b.yaml") == true, "\(String(describing: e))")
        #expect(e?.mark.line == 2 && e?.mark.column == 19, "\(String(describing: e))")
        #expect(e?.path == "extends[1]")
        #expect(e?.message.contains("cycle") == true)
    }

    @Test func missingExtendsFile() {
        scratch.expectSingleError(
            "# comment\nextends: base/missing.yaml\n" + minimal(), line: 2, column: 10,
            path: "extends", contains: "no such file")
    }

    @Test func errorsInABaseFilePointIntoThatFile() {
        scratch.write("base/common.yaml", "estimator:\n  name: a2c\n  gamma: 2\n")
        let errors = scratch.errors(
            "extends: base/common.yaml\nexperiment: t\nenvironment: {id: CartPole-v1}\ntraining: {steps: 100}\n")
        #expect(errors.count == 1)
        #expect(errors.first?.mark.file.hasSuffix("base/common.yaml") == true)
        #expect(errors.first?.mark.line == 3 && errors.first?.mark.column == 10)
    }

    @Test func missingRequiredSection() {
        let errors = scratch.errors("experiment: t\nenvironment: {id: CartPole-v1}\ntraining: {steps: 10}\n")
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("estimator") == true, "\(errors)")
        #expect(errors.first?.mark.line == 1)
    }

    @Test func badExperimentName() {
        scratch.expectSingleError(
            minimal().replacingOccurrences(of: "experiment: test", with: "experiment: a/b"),
            line: 1, column: 13, path: "experiment", contains: "[A-Za-z0-9._-]+")
    }

    @Test func incompatibleSettings() {
        let tabularOnCartPole = minimal("policy:\n  architecture: tabular\n")
        scratch.expectSingleError(tabularOnCartPole, line: 9, column: 17, path: "policy.architecture",
                     contains: "tabular environment")
        let valueCompareWithoutCritic = """
            experiment: t
            environment: {id: Chain}
            estimator: {name: reinforce}
            training: {steps: 100}
            diagnostics:
              gradient_variance: {every: 10, compare: [none, value]}
            """
        scratch.expectSingleError(valueCompareWithoutCritic, line: 6, column: 50,
                     path: "diagnostics.gradient_variance.compare[1]", contains: "needs a critic")
    }

    @Test func tabularMatricesAreChecked() {
        let text = """
            experiment: t
            environment:
              id: Tabular
              params:
                states: 2
                actions: 1
                initial: [1.0, 0.0]
                transitions:
                  - [[0.5, 0.5]]
                  - [[0.5, 0.4]]
                rewards: [[1.0], [0.0]]
            estimator: {name: reinforce}
            training: {steps: 100}
            """
        scratch.expectSingleError(text, line: 10, column: 10, path: "environment.params.transitions[1][0]",
                     contains: "sums to")
    }

    @Test func allErrorsAcrossCellsAreReportedOnce() {
        // The same bad setting is shared by both cells: one error, not two.
        let errors = scratch.errors(minimal("entropy_coef: x\ngrid:\n  baseline: [none, value]\n"))
        #expect(errors.count == 1)
    }

    @Test func renderedDiagnosticShowsSourceLineAndCaret() {
        let errors = scratch.errors(minimal("entropy_coef: \"0.01\"\n"))
        let lines = errors.first?.description.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        #expect(lines.count == 3)
        #expect(lines.first?.hasSuffix("exp.yaml:8:15: error: entropy_coef: " + (errors.first?.message ?? "")) == true)
        #expect(lines.dropFirst().first.map(String.init) == "entropy_coef: \"0.01\"")
        #expect(lines.last.map(String.init) == String(repeating: " ", count: 14) + "^")
    }
}
