import Foundation
import Testing

@testable import PolicyGradient

/// The registry, the classic environments' interfaces and their initial-state distributions.
struct EnvironmentRegistryTests {
    @Test func listsEveryDesignedEnvironmentFirst() {
        #expect(Array(EnvironmentRegistry.ids.prefix(8)) == EnvironmentRegistry.builtIn.map(\.id))
        #expect(EnvironmentRegistry.builtIn.map(\.id) == [
            "CartPole-v1", "Acrobot-v1", "MountainCar-v0", "Pendulum-v1", "Chain", "Bandit", "RandomMDP", "Tabular",
        ])
    }

    /// Gymnasium's spaces and registered time limits.
    @Test func classicDescriptorsMatchGymnasium() throws {
        let expected: [(String, Int, ActionSpace, Int)] = [
            ("CartPole-v1", 4, .discrete(2), 500),
            ("Acrobot-v1", 6, .discrete(3), 500),
            ("MountainCar-v0", 2, .discrete(3), 200),
            ("Pendulum-v1", 3, .continuous(dimension: 1, low: [-2], high: [2]), 200),
        ]
        for (id, observationSize, actionSpace, limit) in expected {
            let environment = try EnvironmentRegistry.make(id: id)
            #expect(environment.observationSize == observationSize)
            #expect(environment.actionSpace == actionSpace)
            #expect(environment.defaultMaxEpisodeSteps == limit)
            #expect(environment.maxEpisodeSteps == limit)
            let descriptor = try #require(EnvironmentRegistry.descriptor(id: id))
            #expect(descriptor.observationSize == observationSize)
            #expect(descriptor.actionSpace == actionSpace)
            #expect(descriptor.defaultMaxEpisodeSteps == limit)
            #expect(descriptor.stateVariables.count == environment.state.count)
            #expect(try EnvironmentRegistry.make(id: id, maxEpisodeSteps: 17).maxEpisodeSteps == 17)
        }
    }

    /// Every id's default time limit is the one docs/configuration.md documents, and the
    /// tabular builders' default horizons agree with it.
    @Test func defaultTimeLimitsMatchTheConfigurationReference() throws {
        let documented = try Self.environmentTable().mapValues(\.limit)
        for descriptor in EnvironmentRegistry.builtIn {
            let id = descriptor.id
            #expect(descriptor.defaultMaxEpisodeSteps != nil, "\(id)")
            #expect(descriptor.defaultMaxEpisodeSteps == documented[id], "\(id)")
        }
        #expect(try Chain().mdp().horizon == documented["Chain"])
        #expect(try Bandit(means: [0, 1]).mdp().horizon == documented["Bandit"])
        #expect(try RandomMDP().mdp().horizon == documented["RandomMDP"])
        #expect(RandomMDP().branching == 2, "docs/configuration.md: branching (2)")
    }

    /// The `params` column of docs/configuration.md's environment table is the schema of each
    /// registered id: every key, its default (or "required") and its rule, in the schema's order.
    @Test func configurationReferenceListsEachSchema() throws {
        let documented = try Self.environmentTable().mapValues(\.params)
        // Other tests of the process may register environments of their own; those are not documented.
        for descriptor in EnvironmentRegistry.builtIn {
            let schema = descriptor.parameters.isEmpty ? "none" : descriptor.parameters.map { p in
                let terms = [p.defaultValue?.description ?? "required"] + (p.rule.map { [$0.summary] } ?? [])
                return "`\(p.key)` (\(terms.joined(separator: ", ")))"
            }.joined(separator: ", ")
            #expect(documented[descriptor.id] == schema, "\(descriptor.id)")
        }
    }

    /// The rows of docs/configuration.md's environment table by id: the default time limit and
    /// the `params` column.
    static func environmentTable() throws -> [String: (limit: Int, params: String)] {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/configuration.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        var rows: [String: (limit: Int, params: String)] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, let limit = Int(cells[2]) else { continue }
            rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = (limit, cells[3])
        }
        return rows
    }

    /// Params reach the factory resolved: absent keys at their defaults; keys outside the
    /// schema, values of another kind and values against a rule are refused, naming the key.
    @Test func paramsAreResolvedByTheSchema() throws {
        let chain = try #require(EnvironmentRegistry.descriptor(id: "Chain"))
        let resolved = try chain.resolve(["length": .integer(3)])
        #expect(resolved == ["length": .integer(3), "slip": .real(0.2), "small_reward": .real(2), "large_reward": .real(10)])
        let built = try #require(try chain.make(params: ["length": .integer(3)], maxEpisodeSteps: 7) as? TabularEnvironment)
        #expect(built.mdp == (try Chain(length: 3, horizon: 7).mdp()) && built.maxEpisodeSteps == 7)
        #expect(throws: EnvironmentParameterError(key: "lenght", message: "Chain has no parameter 'lenght'")) {
            try chain.resolve(["lenght": .integer(3)])
        }
        #expect(throws: EnvironmentParameterError(key: "slip", message: "expected a float, found a int")) {
            try chain.resolve(["slip": .integer(0)])
        }
        let garnet = try #require(EnvironmentRegistry.descriptor(id: "RandomMDP"))
        #expect(throws: EnvironmentParameterError(key: "structure_seed", message: "must be >= 0")) {
            try garnet.resolve(["structure_seed": .integer(-1)])
        }
        // A rule across parameters is the factory's, which names the parameter.
        #expect(throws: EnvironmentParameterError(key: "branching", message: "branching is 4, must be in 1...states (3)")) {
            try garnet.make(params: ["states": .integer(3), "branching": .integer(4)])
        }
    }

    /// A descriptor with a `check` (an environment costly to start) is validated by it, after
    /// the schema, without its factory running; `make` still builds through the factory.
    @Test func aCheckValidatesWithoutBuilding() throws {
        let descriptor = EnvironmentDescriptor(
            id: "Remote-test", summary: "Stepped elsewhere.", observationSize: 1, actionSpace: .discrete(2),
            defaultMaxEpisodeSteps: 10, stateVariables: ["x"],
            parameters: [EnvironmentParameter("port", .integer, default: .integer(1), rule: .atLeast(0), doc: "a port")],
            check: { params, _ in
                if try params.integer("port") == 0 { throw EnvironmentParameterError(key: "port", message: "port 0 is taken") }
            }
        ) { _, _ in throw EnvironmentError.invalidState("built") }
        try descriptor.validate(["port": .integer(2)], 10)
        #expect(throws: EnvironmentParameterError(key: "port", message: "port 0 is taken")) {
            try descriptor.validate(["port": .integer(0)], nil)
        }
        #expect(throws: EnvironmentParameterError(key: "port", message: "must be >= 0")) {
            try descriptor.validate(["port": .integer(-1)], nil)
        }
        #expect(throws: EnvironmentError.invalidTimeLimit(0)) { try descriptor.validate([:], 0) }
        #expect(throws: EnvironmentError.invalidState("built")) { try descriptor.make() }
    }

    /// Descriptors registered from many threads at once are all kept, after the built-in ones.
    @Test func concurrentRegistrationsAreAllKept() throws {
        let ids = (0..<16).map { "Concurrent-test-\($0)" }
        DispatchQueue.concurrentPerform(iterations: ids.count) { k in
            try! EnvironmentRegistry.register(EnvironmentDescriptor(
                id: ids[k], summary: "A cart pole under another name.", stateVariables: ["x", "x_dot", "theta", "theta_dot"],
                factory: { CartPole() }))
        }
        #expect(Set(EnvironmentRegistry.ids.dropFirst(EnvironmentRegistry.builtIn.count)).isSuperset(of: ids))
        #expect(Array(EnvironmentRegistry.ids.prefix(EnvironmentRegistry.builtIn.count)) == EnvironmentRegistry.builtIn.map(\.id))
        #expect(try EnvironmentRegistry.make(id: ids[3], maxEpisodeSteps: 9).maxEpisodeSteps == 9)
    }

    /// A registry-made environment drives a specialized `VectorEnvironment` once the
    /// existential is opened by a generic function, the way a trainer uses it.
    @Test func existentialOpensIntoVectorEnvironment() throws {
        func firstObservations<E: Environment>(_ environment: E) -> [Float] {
            Array(VectorEnvironment(environment, numEnvs: 2, seed: 3).observations)
        }
        let environment = try EnvironmentRegistry.make(id: "Acrobot-v1", maxEpisodeSteps: 50)
        #expect(firstObservations(environment) == firstObservations(Acrobot()))
        #expect(firstObservations(environment).count == 12)
    }

    @Test func rejectsUnknownTabularAndBadLimits() {
        #expect(throws: EnvironmentError.unknownEnvironment("LunarLander-v3")) {
            try EnvironmentRegistry.make(id: "LunarLander-v3")
        }
        #expect(throws: EnvironmentParameterError(key: "means", message: "Bandit needs 'means'")) {
            try EnvironmentRegistry.make(id: "Bandit")
        }
        #expect(throws: EnvironmentError.invalidTimeLimit(0)) {
            try EnvironmentRegistry.make(id: "CartPole-v1", maxEpisodeSteps: 0)
        }
    }

    /// Reset draws lie in Gymnasium's ranges, and their means are those of the uniform
    /// distributions (within 5 standard errors, N = 20,000, fixed seed).
    @Test func resetDistributions() {
        var generator = RandomGenerator(seed: 21, stream: .environment)
        let n = 20_000
        func check(_ environment: some Environment, ranges: [ClosedRange<Double>], float32: Bool = false) {
            var environment = environment
            var sums = [Double](repeating: 0, count: ranges.count)
            for _ in 0..<n {
                environment.reset(using: &generator)
                for (k, value) in environment.state.enumerated() {
                    #expect(ranges[k].contains(value))
                    if float32 { #expect(Double(Float(value)) == value) }
                    sums[k] += value
                }
            }
            for (k, range) in ranges.enumerated() {
                let width = range.upperBound - range.lowerBound
                let standardError = width / 12.0.squareRoot() / Double(n).squareRoot()
                let mid = (range.lowerBound + range.upperBound) / 2
                #expect(abs(sums[k] / Double(n) - mid) <= 5 * standardError + 1e-12)
            }
        }
        check(CartPole(), ranges: Array(repeating: -0.05...0.05, count: 4))
        check(Acrobot(), ranges: Array(repeating: -0.1...0.1, count: 4), float32: true)
        check(MountainCar(), ranges: [-0.6...(-0.4), 0...0])
        check(Pendulum(), ranges: [-Double.pi...Double.pi, -1...1])
    }

    /// After termination CartPole keeps moving; Gymnasium pays 1 on the terminating step
    /// and 0 on every later one until reset.
    @Test func cartPoleStepsAfterTermination() throws {
        var environment = CartPole()
        try environment.setState([2.39, 1.0, 0.0, 0.0])
        var generator = RandomGenerator(seed: 0, stream: .environment)
        let first = environment.step(discrete: 1, using: &generator)
        #expect(first == StepOutcome(reward: 1, terminated: true))
        let second = environment.step(discrete: 1, using: &generator)
        #expect(second == StepOutcome(reward: 0, terminated: true))
        environment.reset(using: &generator)
        #expect(environment.step(discrete: 1, using: &generator).reward == 1)
    }
}
