import Experiment
import PolicyGradient
import Testing

/// `baseline_decay`: read, defaulted to 1, kept out of a job's identity at 1, range-checked
/// where it is written, and a warning where no constant baseline uses it.
struct BaselineDecaySettingTests {
    let scratch = Scratch()

    func load(_ extra: String) throws -> ExperimentPlan { try scratch.load("exp.yaml", minimal(extra)) }

    @Test func decayIsReadAndDefaultsToOne() throws {
        #expect(try load("baseline: mean\n").jobs[0].config.trainerSettings().baselineDecay == 1)
        #expect(try load("baseline: mean\nbaseline_decay: 0.9\n").jobs[0].config.trainerSettings().baselineDecay == 0.9)
    }

    @Test func decayOneKeepsTheIdAndAnotherChangesIt() throws {
        let omitted = try load("baseline: mean\n"), one = try load("baseline: mean\nbaseline_decay: 1.0\n")
        let other = try load("baseline: mean\nbaseline_decay: 0.9\n")
        #expect(omitted.jobs[0].id == one.jobs[0].id)
        #expect(omitted.jobs[0].id != other.jobs[0].id)
        #expect(other.jobs[0].canonical.contains("\"baseline_decay\":0.9"))
    }

    @Test func decayOutsideTheUnitIntervalIsLocated() {
        scratch.expectSingleError(
            minimal("baseline: optimal\nbaseline_decay: 0\n"), line: 9, column: 17, path: "baseline_decay",
            contains: "is 0.0, must be in (0, 1]")
    }

    @Test func decayWithoutAConstantBaselineIsIgnored() throws {
        let plan = try load("baseline: value\nbaseline_decay: 0.5\n")
        #expect(plan.warnings.count == 1)
        #expect(plan.warnings.first?.path == "baseline_decay")
        #expect(!plan.jobs[0].canonical.contains("baseline_decay"))
        // Measured as a comparison, a constant baseline uses it.
        let compared = try load(
            "baseline: value\nbaseline_decay: 0.5\ndiagnostics: {gradient_variance: {every: 100, compare: [mean]}}\n")
        #expect(compared.warnings.isEmpty && compared.jobs[0].canonical.contains("baseline_decay"))
    }
}
