import Experiment
import Testing
import YAML

/// `estimator.clip_schedule`, `clip_value` and `target_kl`: their checks, and that left at their
/// defaults they leave every job id as it was.
@Suite struct PPOKnobsSchemaTests {
    static func ppo(_ extra: String = "") -> String {
        minimal().replacingOccurrences(of: "  name: a2c\n", with: "  name: ppo\n" + extra)
    }

    @Test func defaultsStayOutOfTheIdentity() throws {
        let plan = try Scratch().load("exp.yaml", Self.ppo())
        let canonical = try #require(plan.jobs.first?.canonical)
        for key in ["clip_schedule", "clip_value", "target_kl"] { #expect(!canonical.contains(key)) }
        let spelledOut = try Scratch().load(
            "exp.yaml", Self.ppo("  clip_schedule: constant\n  clip_value: null\n  target_kl: null\n"))
        #expect(spelledOut.jobs.map(\.id) == plan.jobs.map(\.id))
    }

    @Test func settingAKnobChangesTheIdAndTheSettings() throws {
        let plain = try Scratch().load("exp.yaml", Self.ppo())
        let knobs = try Scratch().load(
            "exp.yaml", Self.ppo("  clip_schedule: linear\n  clip_value: 0.2\n  target_kl: 0.01\n"))
        let estimator = try #require(knobs.cells.first?.settings.estimator)
        #expect(estimator.clipSchedule == .linear && estimator.clipValue == 0.2 && estimator.targetKL == 0.01)
        #expect(knobs.jobs.map(\.id) != plain.jobs.map(\.id))
        let canonical = try #require(knobs.jobs.first?.canonical)
        #expect(canonical.contains("\"clip_schedule\":\"linear\"") && canonical.contains("\"target_kl\":0.01"), "\(canonical)")
    }

    @Test func otherEstimatorsIgnoreThemWithAWarning() throws {
        let plain = try Scratch().load("exp.yaml", minimal())
        let text = minimal().replacingOccurrences(of: "  name: a2c\n", with: "  name: a2c\n  target_kl: 0.01\n")
        let plan = try Scratch().load("exp.yaml", text)
        #expect(plan.jobs.map(\.id) == plain.jobs.map(\.id))
        #expect(plan.warnings.contains { $0.path == "estimator.target_kl" && $0.message.contains("does not use it") })
    }

    @Test func badValuesAreLocated() {
        let scratch = Scratch()
        scratch.expectSingleError(
            Self.ppo("  target_kl: 0\n"), line: 6, column: 14, path: "estimator.target_kl", contains: "must be a finite number > 0")
        scratch.expectSingleError(
            Self.ppo("  clip_value: -0.2\n"), line: 6, column: 15, path: "estimator.clip_value", contains: "must be a finite number > 0")
        scratch.expectSingleError(
            Self.ppo("  clip_schedule: linaer\n"), line: 6, column: 18, path: "estimator.clip_schedule",
            contains: "did you mean 'linear'?")
    }
}
