import Testing

@testable import PolicyGradient

/// The tabular environment against the MDP it steps.
struct EnvironmentTabularTests {
    /// Three states, two actions; state 2 is terminal.
    static let mdp = TabularMDP(
        states: 3, actions: 2,
        initial: [0.6, 0.4, 0.0],
        transitions: [
            0.2, 0.5, 0.3, /**/ 1.0, 0.0, 0.0,
            0.0, 0.7, 0.3, /**/ 0.1, 0.0, 0.9,
            0.0, 0.0, 1.0, /**/ 0.0, 0.0, 1.0,
        ],
        rewards: [0.0, 0.1, 1.0, -0.5, 0.0, 0.0],
        rewardNoise: 0.0, terminal: [false, false, true], horizon: 7)

    /// Empirical next-state frequencies match P(· | s, a).
    ///
    /// N = 100,000 draws per (s, a); the standard error of a frequency is at most
    /// sqrt(0.25 / N) ≈ 0.0016, and the tolerance 0.01 is over 6 of them (fixed seed).
    @Test func transitionFrequenciesMatchP() throws {
        var environment = TabularEnvironment(mdp: Self.mdp)
        var generator = RandomGenerator(seed: 11, stream: .environment)
        let n = 100_000
        for (s, a) in [(0, 0), (1, 0), (1, 1)] {
            var counts = [0, 0, 0]
            for _ in 0..<n {
                try environment.setState([Double(s)])
                _ = environment.step(discrete: a, using: &generator)
                counts[environment.stateIndex] += 1
            }
            for next in 0..<3 {
                let frequency = Double(counts[next]) / Double(n)
                #expect(abs(frequency - Self.mdp.probability(from: s, action: a, to: next)) < 0.01, "s=\(s) a=\(a)")
            }
        }
    }

    /// Reset frequencies match the initial distribution (same tolerance argument).
    @Test func resetFollowsInitialDistribution() {
        var environment = TabularEnvironment(mdp: Self.mdp)
        var generator = RandomGenerator(seed: 12, stream: .environment)
        var counts = [0, 0, 0]
        let n = 100_000
        for _ in 0..<n {
            environment.reset(using: &generator)
            counts[environment.stateIndex] += 1
        }
        for s in 0..<3 {
            #expect(abs(Double(counts[s]) / Double(n) - Self.mdp.initial[s]) < 0.01)
        }
    }

    /// Rewards are r(s, a) + σ z: sample mean within 5 standard errors (σ/√N = 0.0063) of
    /// r(s, a), sample standard deviation within 2% of σ = 2 (its standard error is about
    /// σ/√(2N) ≈ 0.0045, i.e. 0.22%).
    @Test func rewardNoiseHasStatedMeanAndStd() throws {
        let noisy = TabularMDP(
            states: 1, actions: 1, initial: [1], transitions: [1], rewards: [0.75], rewardNoise: 2.0,
            terminal: [false], horizon: 10)
        var environment = TabularEnvironment(mdp: noisy)
        var generator = RandomGenerator(seed: 13, stream: .environment)
        let n = 100_000
        var sum = 0.0
        var sumSquares = 0.0
        for _ in 0..<n {
            let r = environment.step(discrete: 0, using: &generator).reward
            sum += r
            sumSquares += r * r
        }
        let mean = sum / Double(n)
        let std = (sumSquares / Double(n) - mean * mean).squareRoot()
        #expect(abs(mean - 0.75) < 5 * 2.0 / Double(n).squareRoot())
        #expect(abs(std - 2.0) < 0.04)
    }

    /// Entering a terminal state terminates; the reward is the one of the action taken.
    @Test func enteringTerminalStateTerminates() throws {
        let chain = TabularMDP(
            states: 3, actions: 1, initial: [1, 0, 0],
            transitions: [0, 1, 0, /**/ 0, 0, 1, /**/ 0, 0, 1],
            rewards: [0.5, 2.0, 0.0], terminal: [false, false, true], horizon: 10)
        var environment = TimeLimit(TabularEnvironment(mdp: chain))
        var generator = RandomGenerator(seed: 1, stream: .environment)
        environment.reset(using: &generator)
        #expect(environment.base.stateIndex == 0)
        let first = environment.step(discrete: 0, using: &generator)
        #expect(first == TimeLimitedStep(reward: 0.5, terminated: false, truncated: false))
        let second = environment.step(discrete: 0, using: &generator)
        #expect(second == TimeLimitedStep(reward: 2.0, terminated: true, truncated: false))
    }

    /// With no terminal state, the horizon truncates exactly at step H.
    @Test func horizonTruncatesAtH() {
        let loop = TabularMDP(
            states: 2, actions: 1, initial: [1, 0], transitions: [0, 1, /**/ 1, 0], rewards: [1, 1],
            terminal: [false, false], horizon: 5)
        var environment = TimeLimit(TabularEnvironment(mdp: loop))
        #expect(environment.maxEpisodeSteps == 5)
        var generator = RandomGenerator(seed: 2, stream: .environment)
        environment.reset(using: &generator)
        for step in 1...5 {
            let result = environment.step(discrete: 0, using: &generator)
            #expect(result.truncated == (step == 5), "step \(step)")
            #expect(!result.terminated)
        }
    }

    /// The observation is the one-hot vector of the state.
    @Test func observationIsOneHot() throws {
        var environment = TabularEnvironment(mdp: Self.mdp)
        for s in 0..<3 {
            try environment.setState([Double(s)])
            #expect(environment.observation() == (0..<3).map { $0 == s ? 1 : 0 })
        }
    }

    @Test func setStateRejectsNonIndices() {
        var environment = TabularEnvironment(mdp: Self.mdp)
        for bad in [[1.5], [-1.0], [3.0], [0.0, 1.0], [Double.nan]] {
            #expect(throws: EnvironmentError.self) { try environment.setState(bad) }
        }
    }
}
