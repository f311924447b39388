import Benchmark
import PolicyGradient

/// Raw environment step rates: 8 copies with uniformly random actions, in steps per second.
enum EnvironmentBenchmarks {
    static func register() {
        register(CartPole(), "CartPole-v1")
        register(Acrobot(), "Acrobot-v1")
        register(MountainCar(), "MountainCar-v0")
        register(Pendulum(), "Pendulum-v1")
        if let chain = try? Chain(length: 5, slip: 0.2, smallReward: 2, largeReward: 10, horizon: 20).mdp() {
            register(TabularEnvironment(mdp: chain), "Tabular (Chain, 5 states)")
        }
    }

    static func register<E: Environment>(_ prototype: E, _ name: String) {
        let rounds = 100_000
        Benchmark("env \(name), 8 copies, random actions",
                  configuration: .init(metrics: [.wallClock, TrainingBenchmarks.stepsPerSecond])) { benchmark in
            let vector = VectorEnvironment(prototype, numEnvs: 8, seed: 0)
            var generator = RandomGenerator(seed: 0, stream: .actions)
            var discrete = [Int](repeating: 0, count: 8)
            var continuous = [Double](repeating: 0, count: 8 * prototype.actionSpace.actionDimension)
            let start = BenchmarkClock.now
            for _ in 0..<rounds {
                switch prototype.actionSpace {
                case .discrete(let n):
                    for i in 0..<8 { discrete[i] = generator.int(below: n) }
                    discrete.withUnsafeBufferPointer { vector.step(discrete: $0) }
                case .continuous(_, let low, let high):
                    for i in 0..<continuous.count { continuous[i] = generator.uniform(low[0], high[0]) }
                    continuous.withUnsafeBufferPointer { vector.step(continuous: $0) }
                }
            }
            let seconds = Double((BenchmarkClock.now - start).nanoseconds()) / 1e9
            benchmark.measurement(TrainingBenchmarks.stepsPerSecond, Int((Double(rounds * 8) / seconds).rounded()))
        }
    }
}
