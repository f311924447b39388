import Experiment
import Testing

/// `JobSettings.estimatedCost`: the relative compute by which cluster tasks share the jobs.
@Suite struct JobCostTests {
    static func cost(_ text: String) throws -> Int {
        let plan = try Scratch().load("cost.yaml", text)
        return try #require(plan.jobs.first).config.settings.estimatedCost
    }

    @Test func theCostIsStepsTimesTheWorkOfAStep() throws {
        // a2c learns a critic of the policy's shape (64x64 by default): per step
        // 1 + 2 * (64 + 64 + 64 * 64) = 8449, times 2 passes (one forward, one gradient).
        #expect(try Self.cost(minimal()) == 1000 * 8449 * 2)
        let doubled = minimal().replacingOccurrences(of: "steps: 1000", with: "steps: 2000")
        let (twice, once) = (try Self.cost(doubled), try Self.cost(minimal()))
        #expect(twice == 2 * once)
    }

    @Test func widerNetworksAndMoreEpochsCostMore() throws {
        let narrow = try Self.cost(minimal("policy: {hidden: [16]}\n"))
        let wide = try Self.cost(minimal("policy: {hidden: [256, 256]}\n"))
        let standard = try Self.cost(minimal())
        #expect(narrow < standard && standard < wide)
        let ppo = { (epochs: Int) in
            try Self.cost(minimal().replacingOccurrences(of: "name: a2c", with: "name: ppo\n  epochs: \(epochs)"))
        }
        let (ten, two) = (try ppo(10), try ppo(2))
        #expect(ten > two)
        // Without a critic (reinforce, no value baseline) only the policy counts.
        let reinforce = try Self.cost(minimal().replacingOccurrences(of: "name: a2c", with: "name: reinforce"))
        #expect(reinforce == 1000 * (1 + 64 + 64 + 64 * 64) * 2)
    }

    @Test func aTabularPolicyCostsItsSteps() throws {
        let text = """
            experiment: t
            environment: {id: Bandit, params: {means: [0.0, 1.0], std: 0.5}}
            policy: {architecture: tabular}
            estimator: {name: reinforce}
            training: {steps: 500}

            """
        #expect(try Self.cost(text) == 500 * 2)
    }
}
