import Experiment
import Testing
import YAML

/// `report.normalize`.
@Suite struct NormalizeSettingsTests {
    let scratch = Scratch()
    /// Lines 8–10: a grid over two environments.
    static let grid = "grid:\n  environment.id: [CartPole-v1, Acrobot-v1]\n  baseline: [none, value]\n"

    @Test func rangesPerSweptEnvironment() throws {
        let plan = try scratch.load("ok.yaml", minimal(Self.grid + "report:\n  normalize: {CartPole-v1: [0, 500], Acrobot-v1: [-500, 0.0]}\n"))
        #expect(plan.report.normalize == ["CartPole-v1": [0, 500], "Acrobot-v1": [-500, 0]])
    }

    @Test func mistakesAreLocated() {
        scratch.expectSingleError(
            minimal(Self.grid + "report:\n  normalize: {Pendulum-v1: [0, 1]}\n"), line: 12, column: 15,
            path: "report.normalize.Pendulum-v1", contains: "is not a swept environment.id; they are CartPole-v1, Acrobot-v1")
        scratch.expectSingleError(
            minimal(Self.grid + "report:\n  normalize: {CartPole-v1: [500, 0]}\n"), line: 12, column: 28,
            path: "report.normalize.CartPole-v1", contains: "two finite numbers with low < high")
        scratch.expectSingleError(
            minimal(Self.grid + "report:\n  normalize: {CartPole-v1: [0, 1, 2]}\n"), line: 12, column: 28,
            path: "report.normalize.CartPole-v1", contains: "expected [low, high]")
        scratch.expectSingleError(
            minimal("report:\n  normalize: {CartPole-v1: [0, 500]}\n"), line: 9, column: 3,
            path: "report.normalize", contains: "needs a sweep over environment.id")
    }
}
