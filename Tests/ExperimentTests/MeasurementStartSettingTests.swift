import Experiment
import PolicyGradient
import Testing

/// `diagnostics.gradient_variance.start`: decoded, defaulted, located when wrong, and part of a
/// job's identity only when it differs from the default.
struct MeasurementStartSettingTests {
    let scratch = Scratch()

    func diagnostics(_ start: String?) -> String {
        "diagnostics:\n  gradient_variance:\n    every: 500\n" + (start.map { "    start: \($0)\n" } ?? "")
    }

    @Test func startDefaultsToContinueAndReadsReset() throws {
        let omitted = try scratch.load("a.yaml", minimal(diagnostics(nil)))
        #expect(try omitted.jobs[0].config.trainerSettings().diagnostics?.start == .continue)
        let reset = try scratch.load("b.yaml", minimal(diagnostics("reset")))
        #expect(try reset.jobs[0].config.trainerSettings().diagnostics?.start == .reset)
    }

    @Test func theDefaultLeavesTheJobIdAsItWasAndResetChangesIt() throws {
        let omitted = try scratch.load("a.yaml", minimal(diagnostics(nil)))
        let explicit = try scratch.load("b.yaml", minimal(diagnostics("continue")))
        let reset = try scratch.load("c.yaml", minimal(diagnostics("reset")))
        #expect(omitted.jobs[0].id == explicit.jobs[0].id)
        #expect(!omitted.jobs[0].canonical.contains("\"start\""))
        #expect(omitted.jobs[0].id != reset.jobs[0].id)
        #expect(reset.jobs[0].canonical.contains("\"start\":\"reset\""))
    }

    @Test func anUnknownStartIsLocated() {
        scratch.expectSingleError(
            minimal(diagnostics("rest")), line: 11, column: 12, path: "diagnostics.gradient_variance.start",
            contains: "unknown value 'rest'; expected one of continue, reset; did you mean 'reset'?")
    }
}

/// REINFORCE batches are whole episodes: `start` does not apply to them.
struct MeasurementStartReinforceTests {
    let scratch = Scratch()

    @Test func startIsIgnoredForReinforce() throws {
        let text = minimal("diagnostics:\n  gradient_variance:\n    every: 500\n    start: reset\n")
            .replacingOccurrences(of: "name: a2c", with: "name: reinforce")
        let plan = try scratch.load("r.yaml", text)
        #expect(plan.warnings.map(\.path) == ["diagnostics.gradient_variance.start"])
        #expect(!plan.jobs[0].canonical.contains("\"start\""))
    }
}
