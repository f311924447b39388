import Experiment
import PolicyGradient
import Testing
import YAML

/// `environment.normalize`: `true`, a mapping, or off; its checks; and jobs without it keep
/// their ids.
@Suite struct NormalizationSchemaTests {
    static func with(_ normalize: String) -> String {
        minimal().replacingOccurrences(of: "  id: CartPole-v1\n", with: "  id: CartPole-v1\n  normalize: \(normalize)\n")
    }

    @Test func trueMeansStableBaselines3sDefaults() throws {
        let plan = try Scratch().load("exp.yaml", Self.with("true"))
        #expect(plan.cells[0].settings.environment.normalize == Normalization())
        let settings = try #require(plan.jobs.first).config.trainerSettings()
        #expect(settings.environment.normalize == Normalization(
            observations: true, rewards: true, clipObservations: 10, clipRewards: 10, epsilon: 1e-8))
    }

    @Test func aMappingSetsEachKey() throws {
        let plan = try Scratch().load("exp.yaml", Self.with(
            "{observations: true, rewards: false, clip_observations: 5, clip_rewards: .inf, epsilon: 1.0e-6}"))
        #expect(plan.cells[0].settings.environment.normalize == Normalization(
            observations: true, rewards: false, clipObservations: 5, clipRewards: .infinity, epsilon: 1e-6))
    }

    @Test func offKeepsTheIdsOfJobsWithoutIt() throws {
        let plain = try Scratch().load("exp.yaml", minimal())
        for off in ["false", "null"] {
            let plan = try Scratch().load("exp.yaml", Self.with(off))
            #expect(plan.cells[0].settings.environment.normalize == nil)
            #expect(plan.jobs.map(\.id) == plain.jobs.map(\.id))
        }
        let on = try Scratch().load("exp.yaml", Self.with("true"))
        #expect(on.jobs.map(\.id) != plain.jobs.map(\.id))
    }

    @Test func badValuesAreLocated() {
        let scratch = Scratch()
        scratch.expectSingleError(
            Self.with("{clip_observations: 0}"), line: 4, column: 34, path: "environment.normalize.clip_observations",
            contains: "must be > 0")
        scratch.expectSingleError(
            Self.with("{rewards: true, reward: false}"), line: 4, column: 30, path: "environment.normalize.reward",
            contains: "did you mean 'rewards'?")
    }

    @Test func aTabularPolicyCannotReadStandardizedStates() {
        let text = """
            experiment: t
            environment: {id: Chain, normalize: true}
            policy: {architecture: tabular}
            estimator: {name: reinforce}
            training: {steps: 1000}

            """
        Scratch().expectSingleError(
            text, line: 2, column: 37, path: "environment.normalize", contains: "a tabular policy reads the one-hot state")
    }
}
