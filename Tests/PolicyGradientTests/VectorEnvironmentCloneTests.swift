import Testing

@testable import PolicyGradient

/// `VectorEnvironment.cloneCopies`: a clone, given the source's generators, continues exactly as
/// the source does (same observations, rewards, terminations and truncations, so the same
/// states and time-limit counts), on every environment.
@Suite struct VectorEnvironmentCloneTests {
    /// Steps `source` 37 times, clones it into a vector built from another seed, hands the clone
    /// the source's generators, then steps both with the same actions for 300 steps (several
    /// episodes and time limits) and compares every output.
    static func checkClone<E: Environment>(_ prototype: E) {
        let n = 3
        let source = VectorEnvironment(prototype, numEnvs: n, seed: 21)
        let clone = VectorEnvironment(prototype, numEnvs: n, seed: 99)
        var actions = RandomGenerator(seed: 5, stream: .actions)
        let dimension = prototype.actionSpace.actionDimension
        func step(_ vectors: [VectorEnvironment<E>], _ generator: inout RandomGenerator) {
            switch prototype.actionSpace {
            case .discrete(let count):
                let a = (0..<n).map { _ in Int(generator.next() % UInt64(count)) }
                for v in vectors { v.step(discrete: a) }
            case .continuous(_, let low, let high):
                let a = (0..<n * dimension).map { j in
                    low[j % dimension] + (high[j % dimension] - low[j % dimension]) * generator.uniform()
                }
                for v in vectors { a.withUnsafeBufferPointer { v.step(continuous: $0) } }
            }
        }
        for _ in 0..<37 { step([source], &actions) }
        clone.step(discrete: [Int](repeating: 0, count: n), orContinuous: dimension)
        clone.cloneCopies(from: source)
        #expect(Array(clone.observations) == Array(source.observations))
        for i in 0..<n {
            #expect(clone.copies[i].elapsedSteps == source.copies[i].elapsedSteps)
            #expect(clone.copies[i].base.state == source.copies[i].base.state)
            clone.generators[i] = source.generators[i]
        }
        var ends = 0
        for _ in 0..<300 {
            step([source, clone], &actions)
            #expect(Array(clone.observations) == Array(source.observations))
            #expect(Array(clone.rewards) == Array(source.rewards))
            #expect(Array(clone.terminated) == Array(source.terminated))
            #expect(Array(clone.truncated) == Array(source.truncated))
            ends += source.finishedEpisodes.count
        }
        #expect(ends > 0)
    }

    @Test(arguments: ["CartPole-v1", "Acrobot-v1", "MountainCar-v0", "Pendulum-v1"])
    func classicControlCopiesClone(id: String) throws {
        // A short time limit so that truncations happen inside the comparison.
        let environment = try EnvironmentRegistry.make(id: id, maxEpisodeSteps: 50)
        func open<E: Environment>(_ e: E) { Self.checkClone(e) }
        open(environment)
    }

    @Test func tabularCopiesClone() throws {
        let mdps = [
            try Chain().mdp(), try Bandit(means: [0.5, 1, -2], std: 0.7).mdp(), try RandomMDP(horizon: 9).mdp(),
            diagnosticsTestMDP(),
        ]
        for mdp in mdps { Self.checkClone(TabularEnvironment(mdp: mdp)) }
    }
}

extension VectorEnvironment {
    /// One step with action 0 (or the zero vector), to move the vector away from its reset state.
    fileprivate func step(discrete action: [Int], orContinuous dimension: Int) {
        switch actionSpace {
        case .discrete: step(discrete: action)
        case .continuous:
            [Double](repeating: 0, count: numEnvs * dimension).withUnsafeBufferPointer { step(continuous: $0) }
        }
    }
}
