import Experiment
import Testing
import YAML

/// `--set KEY=VALUE` overrides: parsed from one argument, applied after `extends`, checked
/// like the file, errors located in the argument.
@Suite struct ConfigOverrideTests {
    /// Loads `text` with `arguments` applied, each named as if it were argument 4, 6, 8...
    private func load(_ text: String, _ arguments: [String], scratch: Scratch = Scratch()) throws -> ExperimentPlan {
        let overrides = try arguments.enumerated().map { try ConfigOverride($0.element, position: 4 + 2 * $0.offset) }
        return try ExperimentLoader().load(path: scratch.write("exp.yaml", text), overrides: overrides)
    }

    /// The diagnostics of loading `text` with `arguments`.
    private func errors(_ text: String, _ arguments: [String]) -> [Diagnostic] {
        do {
            _ = try load(text, arguments)
            return []
        } catch let error as ConfigurationError {
            return error.diagnostics
        } catch let diagnostic as Diagnostic {
            return [diagnostic]
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func aPlainKeyGivesTheJobsOfTheFileThatSaysSo() throws {
        let overridden = try load(minimal(), ["estimator.gamma=0.98"])
        let written = try Scratch().load("exp.yaml", minimal().replacingOccurrences(
            of: "  name: a2c\n", with: "  name: a2c\n  gamma: 0.98\n"))
        #expect(overridden.jobs.first?.config.settings.estimator.gamma == 0.98)
        #expect(overridden.jobs.map(\.id) == written.jobs.map(\.id))
        #expect(overridden.jobs.map(\.id) != (try load(minimal(), [])).jobs.map(\.id))
        #expect(overridden.overrides == ["estimator.gamma=0.98"])
        #expect(overridden.resolved.lookup(["estimator", "gamma"])?.resolved == .float(0.98))
    }

    @Test func aGridKeyAddsAnAxis() throws {
        let plan = try load(minimal(), ["grid.entropy_coef=[0,0.01]"])
        #expect(plan.sweptKeys == ["entropy_coef"])
        #expect(plan.cells.map(\.label) == ["entropy_coef=0", "entropy_coef=0.01"])
        #expect(plan.cells.map(\.settings.entropyCoef) == [0, 0.01])
    }

    @Test func aDottedGridKeyAddsOrReplacesOneSweptKey() throws {
        let plan = try load(minimal("grid:\n  estimator.gamma: [0.9, 0.99]\n"), ["grid.estimator.lambda=[0.8, 0.9]"])
        #expect(plan.sweptKeys == ["estimator.gamma", "estimator.lambda"])
        #expect(plan.cells.map(\.settings.estimator.gaeLambda) == [0.8, 0.9, 0.8, 0.9])
        let replaced = try load(minimal("grid:\n  estimator.gamma: [0.9, 0.99]\n"), ["grid.estimator.gamma=[0.5]"])
        #expect(replaced.sweptKeys == ["estimator.gamma"] && replaced.cells.map(\.settings.estimator.gamma) == [0.5])
        // Not a list: located at the value, in the argument.
        let errors = errors(minimal(), ["grid.estimator.lambda=0.8"])
        #expect(errors.map(\.path) == ["grid.estimator.lambda"], "\(errors)")
        #expect(errors.first?.mark.file == "command line argument 4" && errors.first?.mark.column == 23, "\(errors)")
        #expect(errors.first?.message.contains("expected a list of values") == true, "\(errors)")
    }

    @Test func aListValueReplacesTheWholeList() throws {
        let plan = try load(minimal("policy: {hidden: [64, 64, 64]}\n"), ["policy.hidden=[32, 16]", "seeds=[3, 7]"])
        #expect(plan.cells[0].settings.policy.hidden == [32, 16])
        #expect(plan.jobs.map(\.seed) == [3, 7])
    }

    @Test func laterOverridesWinAndAllApplyAfterExtends() throws {
        let scratch = Scratch()
        scratch.write("base.yaml", minimal("estimator: {name: a2c, gamma: 0.9}\n").replacingOccurrences(
            of: "estimator:\n  name: a2c\n", with: ""))
        let plan = try load(
            "extends: base.yaml\nestimator: {name: a2c, gamma: 0.95}\n",
            ["estimator.gamma=0.5", "estimator.gamma=0.7"], scratch: scratch)
        #expect(plan.cells[0].settings.estimator.gamma == 0.7)
    }

    @Test func aTypoIsLocatedInTheArgumentWithASuggestion() {
        let errors = errors(minimal(), ["estimator.gamma=0.98", "estimator.gama=0.98"])
        #expect(errors.count == 1, "\(errors)")
        guard let e = errors.first else { return }
        #expect(e.mark.file == "command line argument 6")
        #expect(e.mark.line == 1 && e.mark.column == 11, "\(e)")
        #expect(e.message.contains("did you mean 'gamma'?"), "\(e)")
        #expect(e.description.hasSuffix("\nestimator.gama=0.98\n          ^"), "\(e.description)")
    }

    @Test func aTopLevelTypoGetsASuggestionToo() {
        let errors = errors(minimal(), ["entropy_cof=0.01"])
        #expect(errors.count == 1 && errors[0].mark.column == 1, "\(errors)")
        #expect(errors.first?.message.contains("did you mean 'entropy_coef'?") == true, "\(errors)")
    }

    @Test func aTypeErrorPointsAtTheValue() {
        let errors = errors(minimal(), ["estimator.n_steps=five"])
        #expect(errors.count == 1, "\(errors)")
        guard let e = errors.first else { return }
        #expect(e.mark.file == "command line argument 4" && e.mark.column == 19, "\(e)")
        #expect(e.path == "estimator.n_steps", "\(e)")
        #expect(e.description.hasSuffix("\nestimator.n_steps=five\n                  ^"), "\(e.description)")
    }

    @Test func aRangeErrorPointsAtTheValue() {
        let errors = errors(minimal(), ["estimator.gamma=2"])
        #expect(errors.count == 1 && errors.first?.mark.column == 17, "\(errors)")
        #expect(errors.first?.message.contains("must be in (0, 1]") == true, "\(errors)")
    }

    @Test func aSweptTypoNamesNoSetting() {
        let errors = errors(minimal(), ["grid.entropy_cof=[0, 0.1]"])
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.mark.file == "command line argument 4", "\(errors)")
        #expect(errors.first?.message.contains("names no job setting; did you mean 'entropy_coef'?") == true, "\(errors)")
    }

    @Test func malformedArgumentsAreLocated() {
        for (argument, column, message) in [
            ("estimator.gamma", 1, "expected KEY=VALUE"),
            ("=0.5", 1, "expected a dotted key"),
            ("estimator..gamma=0.5", 11, "expected a dotted key"),
            ("extends=base.yaml", 1, "cannot be overridden"),
            ("estimator.gamma=[0.5", 21, ""),
        ] {
            #expect(throws: Diagnostic.self) { try ConfigOverride(argument, position: 3) }
            do {
                _ = try ConfigOverride(argument, position: 3)
            } catch let e as Diagnostic {
                #expect(e.mark.file == "command line argument 3" && e.mark.column == column, "\(argument): \(e)")
                #expect(message.isEmpty || e.message.contains(message), "\(argument): \(e)")
            } catch {}
        }
    }

    @Test func positionsAreFoundInBothSpellings() {
        let arguments = ["runner", "run", "exp.yaml", "--set", "a=1", "--jobs", "2", "--set=b=2"]
        #expect(ConfigOverride.positions(of: ["a=1", "b=2"], in: arguments) == [4, 7])
        #expect(ConfigOverride.positions(of: ["a=1", "c=3"], in: arguments) == [4, nil])
    }
}

/// `ExperimentPlan.settingDifferences`: what a pilot ran otherwise, cell by cell.
@Suite struct SettingDifferencesTests {
    @Test func listsEverySettingThatDiffersInCellsOfTheSameName() throws {
        let scratch = Scratch()
        let text = minimal("grid:\n  baseline: [none, value]\n")
        let plan = try scratch.load("a.yaml", text)
        #expect(plan.settingDifferences(from: plan).isEmpty)
        #expect(plan.settingDifferences(from: try scratch.load("b.yaml", text + "seeds: 7\n")).isEmpty)
        let other = try scratch.load("c.yaml", text.replacingOccurrences(of: "steps: 1000", with: "steps: 2000")
            + "entropy_coef: 0.01\n")
        let differences = plan.settingDifferences(from: other)
        // eval_every defaults to a twentieth of the steps, so it differs with them.
        #expect(differences.map(\.cell) == Array(repeating: "baseline=none", count: 3) + Array(repeating: "baseline=value", count: 3))
        #expect(differences.map(\.path) == ["entropy_coef", "training.steps", "training.eval_every"] + ["entropy_coef", "training.steps", "training.eval_every"])
        #expect(differences[1].here == "1000" && differences[1].there == "2000")
        // A cell the other plan lacks is left out.
        let fewer = try scratch.load("d.yaml", minimal("grid:\n  baseline: [none]\n"))
        #expect(plan.settingDifferences(from: fewer).isEmpty)
    }
}
