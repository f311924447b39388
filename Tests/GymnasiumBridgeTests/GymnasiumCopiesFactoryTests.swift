import GymnasiumBridge
import PolicyGradient
import Testing

/// How a batch of Gymnasium copies is seeded and spread over worker processes.
@Suite struct GymnasiumCopiesFactoryTests {
    @Test func copyISeedIsTheFirstDrawOfItsOwnStream() {
        let seeds = GymnasiumCopiesFactory.seeds(numEnvs: 4, seed: 7, stream: .environment)
        for (i, seed) in seeds.enumerated() {
            var generator = RandomGenerator(seed: 7, stream: .environment, index: UInt64(i))
            #expect(seed == generator.next())
        }
        // Training, evaluation and diagnostics copies never share a seed, nor do two jobs' copies.
        let others = GymnasiumCopiesFactory.seeds(numEnvs: 4, seed: 7, stream: .evaluation)
            + GymnasiumCopiesFactory.seeds(numEnvs: 4, seed: 7, stream: .diagnostics)
            + GymnasiumCopiesFactory.seeds(numEnvs: 4, seed: 8, stream: .environment)
        #expect(Set(seeds + others).count == 16)
    }

    @Test(arguments: [(10, 4, 2), (8, 3, 2), (7, 4, 1), (4, 8, 4), (12, 12, 12), (1, 1, 1)])
    func aBatchRunsInTheLargestDivisorOfItsCopiesNotAboveTheWorkers(numEnvs: Int, workers: Int, expected: Int) {
        #expect(GymnasiumCopiesFactory.workerCount(numEnvs: numEnvs, workers: workers) == expected)
    }
}
