import Testing

@testable import PolicyGradient

/// `VectorEnvironment` against copies stepped one by one with `TimeLimit` and the
/// auto-reset rule written out here (SB3's same-step reset).
struct EnvironmentVectorTests {
    /// Observations, rewards, flags, final observations and finished episodes match a
    /// hand-written loop over single environments. CartPole with a 30-step limit, so that
    /// episodes end both by termination and by truncation.
    @Test func matchesSingleEnvironmentsWithAutoReset() {
        let numEnvs = 4
        let seed: UInt64 = 2024
        let prototype = CartPole(maxEpisodeSteps: 30)
        let vector = VectorEnvironment(prototype, numEnvs: numEnvs, seed: seed)

        var singles = (0..<numEnvs).map { _ in TimeLimit(prototype) }
        var generators = (0..<numEnvs).map { RandomGenerator(seed: seed, stream: .environment, index: UInt64($0)) }
        var returns = [Double](repeating: 0, count: numEnvs)
        var lengths = [Int](repeating: 0, count: numEnvs)
        for i in 0..<numEnvs { singles[i].reset(using: &generators[i]) }
        #expect(Array(vector.observations) == singles.flatMap { $0.base.observation() })

        var actionGenerator = RandomGenerator(seed: 99, stream: .actions)
        var terminations = 0
        var truncations = 0
        for _ in 0..<2_000 {
            let actions = (0..<numEnvs).map { _ in actionGenerator.int(below: 2) }
            vector.step(discrete: actions)
            var expectedEpisodes: [FinishedEpisode] = []
            for i in 0..<numEnvs {
                let result = singles[i].step(discrete: actions[i], using: &generators[i])
                returns[i] += result.reward
                lengths[i] += 1
                #expect(vector.rewards[i] == result.reward)
                #expect(vector.terminated[i] == result.terminated)
                #expect(vector.truncated[i] == result.truncated)
                let row = i * 4..<(i + 1) * 4
                if result.done {
                    #expect(Array(vector.finalObservations[row]) == singles[i].base.observation())
                    expectedEpisodes.append(
                        FinishedEpisode(copy: i, episodeReturn: returns[i], length: lengths[i],
                                        terminated: result.terminated))
                    if result.terminated { terminations += 1 } else { truncations += 1 }
                    returns[i] = 0
                    lengths[i] = 0
                    singles[i].reset(using: &generators[i])
                }
                #expect(Array(vector.observations[row]) == singles[i].base.observation())
            }
            #expect(Array(vector.finishedEpisodes) == expectedEpisodes)
        }
        #expect(terminations > 10 && truncations > 10, "both kinds of episode end were exercised")
    }

    /// A truncated episode keeps its last observation apart from the fresh one.
    @Test func finalObservationDiffersFromResetObservation() {
        let vector = VectorEnvironment(MountainCar(maxEpisodeSteps: 3), numEnvs: 2, seed: 5)
        for step in 1...3 {
            vector.step(discrete: [1, 1])
            #expect(vector.truncated[0] == (step == 3))
        }
        #expect(vector.finishedEpisodes.count == 2)
        #expect(vector.finishedEpisodes.allSatisfy { $0.length == 3 && $0.episodeReturn == -3 && !$0.terminated })
        // A fresh MountainCar starts at rest; after three steps under gravity it is moving.
        #expect(vector.observations[1] == 0)
        #expect(vector.finalObservations[1] != 0)
        // The episode statistics restart.
        vector.step(discrete: [1, 1])
        #expect(vector.finishedEpisodes.isEmpty)
    }

    /// Same seed, same actions: the same trajectory. Different copy index or seed: different.
    @Test func determinismAcrossInstancesAndIndices() {
        func trajectory(seed: UInt64) -> [Float] {
            let vector = VectorEnvironment(Acrobot(), numEnvs: 3, seed: seed)
            var result = Array(vector.observations)
            for t in 0..<200 {
                vector.step(discrete: [t % 3, (t / 2) % 3, (t / 3) % 3])
                result += vector.observations
            }
            return result
        }
        #expect(trajectory(seed: 7) == trajectory(seed: 7))
        #expect(trajectory(seed: 7) != trajectory(seed: 8))
        let vector = VectorEnvironment(CartPole(), numEnvs: 2, seed: 7)
        #expect(Array(vector.observations[0..<4]) != Array(vector.observations[4..<8]))
    }

    /// The buffers stay readable after the environment is released (they own their memory).
    @Test func buffersOutliveTheirEnvironment() {
        func buffers() -> (EnvironmentBuffer<Float>, EnvironmentBuffer<Double>) {
            let vector = VectorEnvironment(MountainCar(), numEnvs: 3, seed: 9)
            vector.step(discrete: [0, 1, 2])
            return (vector.observations, vector.rewards)
        }
        let (observations, rewards) = buffers()
        #expect(observations.count == 6)
        #expect(Array(rewards) == [-1, -1, -1])
        for i in 0..<3 {
            #expect((-0.7)...(-0.3) ~= Double(observations[2 * i]))
        }
    }

    /// Float32 continuous actions are the same as their Double values.
    @Test func floatAndDoubleContinuousActionsAgree() {
        let a = VectorEnvironment(Pendulum(), numEnvs: 2, seed: 3)
        let b = VectorEnvironment(Pendulum(), numEnvs: 2, seed: 3)
        var generator = RandomGenerator(seed: 4, stream: .actions)
        for _ in 0..<250 {
            let actions: [Float] = [Float(generator.uniform(-3, 3)), Float(generator.uniform(-3, 3))]
            actions.withUnsafeBufferPointer { a.step(continuous: $0) }
            actions.map(Double.init).withUnsafeBufferPointer { b.step(continuous: $0) }
            #expect(Array(a.observations) == Array(b.observations))
            #expect(Array(a.rewards) == Array(b.rewards))
        }
    }

    /// Tabular copies draw their transitions from their own streams.
    @Test func tabularCopiesUseIndependentStreams() {
        let coin = TabularMDP(
            states: 2, actions: 1, initial: [0.5, 0.5], transitions: [0.5, 0.5, 0.5, 0.5], rewards: [0, 1],
            terminal: [false, false], horizon: 1000)
        let vector = VectorEnvironment(TabularEnvironment(mdp: coin), numEnvs: 2, seed: 1)
        var same = 0
        for _ in 0..<200 {
            vector.step(discrete: [0, 0])
            if vector.rewards[0] == vector.rewards[1] { same += 1 }
        }
        // Independent fair coins agree about half the time: 100 ± 7; 170 would be 10 sigma.
        #expect(same > 30 && same < 170)
    }
}
