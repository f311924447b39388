import Experiment
import Testing
import YAML

/// The `report` section: each axis's reference cell, and every mistake located.
@Suite struct ReportSettingsTests {
    let scratch = Scratch()

    /// Lines 8–11: two grid keys.
    static let grid = "seeds: 2\ngrid:\n  baseline: [none, value]\n  entropy_coef: [0.0, 0.01]\n"

    func axes(_ extra: String) throws -> [ReportSettings.ComparisonAxis] {
        try scratch.load("exp.yaml", minimal(Self.grid + extra)).report.axes
    }

    @Test func referenceDefaultsToTheFirstValueOfEachAxis() throws {
        #expect(try axes("") == [.init(keys: ["baseline"], reference: ["none"]),
                                 .init(keys: ["entropy_coef"], reference: ["0.0"])])
    }

    @Test func referenceCellAndCompareAgainst() throws {
        let a = try axes("report:\n  reference_cell: {baseline: value, entropy_coef: 0.01}\n")
        #expect(a.map(\.reference) == [["value"], ["0.01"]])
        // compare_against overrides reference_cell, key by key, whatever the order written.
        let b = try axes("report:\n  compare_against: {baseline: none}\n  reference_cell: {baseline: value, entropy_coef: 0.01}\n")
        #expect(b.map(\.reference) == [["none"], ["0.01"]])
        // Numbers compare as settings: 1e-2 is the swept 0.01, reported as swept.
        #expect(try axes("report:\n  compare_against: {entropy_coef: 1e-2}\n").map(\.reference) == [["none"], ["0.01"]])
    }

    @Test func zipGroupsAreOneAxis() throws {
        let text = minimal("zip:\n  - {optimizer.lr: [0.001, 0.01], training.steps: [1000, 2000]}\n"
            + "report:\n  compare_against: {training.steps: 2000}\n")
        let plan = try scratch.load("zip.yaml", text)
        #expect(plan.report.axes == [.init(keys: ["optimizer.lr", "training.steps"], reference: ["0.01", "2000"])])
        #expect(plan.report.axes[0].name == "optimizer.lr+training.steps")
        scratch.expectSingleError(
            minimal("zip:\n  - {optimizer.lr: [0.001, 0.01], training.steps: [1000, 2000]}\n"
                + "report:\n  compare_against: {training.steps: 2000, optimizer.lr: 0.001}\n"),
            line: 11, column: 57, path: "report.compare_against.optimizer.lr",
            contains: "no row of the zip group holds")
    }

    @Test func mistakesAreLocated() {
        scratch.expectSingleError(
            minimal(Self.grid + "report:\n  compare_against: {basline: none}\n"), line: 13, column: 21,
            path: "report.compare_against.basline", contains: "did you mean 'baseline'?")
        scratch.expectSingleError(
            minimal(Self.grid + "report:\n  reference_cell: {baseline: mean}\n"), line: 13, column: 30,
            path: "report.reference_cell.baseline", contains: "'mean' is not a value of 'baseline'; its values are none, value")
        scratch.expectSingleError(
            minimal(Self.grid + "report:\n  refrence_cell: {baseline: none}\n"), line: 13, column: 3,
            path: "report.refrence_cell", contains: "did you mean 'reference_cell'?")
        scratch.expectSingleError(
            minimal(Self.grid + "report:\n  compare_against: [baseline]\n"), line: 13, column: 20,
            path: "report.compare_against", contains: "expected a mapping")
        scratch.expectSingleError(
            minimal(Self.grid + "report: 3\n"), line: 12, column: 9, path: "report", contains: "expected a mapping")
    }

    /// The section only chooses what reports compare: job ids do not change.
    @Test func jobIdsDoNotDependOnTheReportSection() throws {
        let plain = try scratch.load("a.yaml", minimal(Self.grid))
        let declared = try scratch.load("b.yaml", minimal(Self.grid + "report:\n  compare_against: {baseline: value}\n"))
        #expect(plain.jobs.map(\.id) == declared.jobs.map(\.id))
    }
}
