import Experiment
import Testing
import YAML

/// `regression.mode` and `regression.margin`.
@Suite struct NonInferioritySettingsTests {
    let scratch = Scratch()

    @Test func nonInferiorityNeedsAMarginAndAReference() throws {
        let plan = try scratch.load("ok.yaml", minimal("regression: {mode: non_inferiority, margin: 5, reference: ref.csv}\n"))
        #expect(plan.regression?.mode == .nonInferiority && plan.regression?.margin == 5)
        scratch.expectSingleError(
            minimal("regression: {mode: non_inferiority, reference: ref.csv}\n"), line: 8, column: 20,
            path: "regression.mode", contains: "non_inferiority needs regression.margin")
        scratch.expectSingleError(
            minimal("regression: {mode: non_inferiority, margin: 1}\n"), line: 8, column: 20,
            path: "regression.mode", contains: "non_inferiority needs regression.reference")
        scratch.expectSingleError(
            minimal("regression: {mode: non_inferiority, margin: -1, reference: r.csv}\n"), line: 8, column: 45,
            path: "regression.margin", contains: "must be a finite number >= 0")
        scratch.expectSingleError(
            minimal("regression: {mode: noninferiority}\n"), line: 8, column: 20,
            path: "regression.mode", contains: "did you mean 'non_inferiority'?")
    }
}
