import Benchmark
import PolicyGradient

/// Training throughput in environment steps per second (all copies together): A2C on CartPole
/// with Stable-Baselines3's settings, PPO on CartPole with rl-zoo3's, and tabular REINFORCE.
/// `tools/sb3_speed.py a2c` and `tools/sb3_speed.py ppo` time Stable-Baselines3 on the first two.
enum TrainingBenchmarks {
    static let stepsPerSecond = BenchmarkMetric.custom("steps/s", polarity: .prefersLarger, useScalingFactor: false)

    /// Discards rows; never stops.
    final class NullSink: TrainingSink {
        func record(_ row: CurveRow) {}
        func record(_ row: VarianceRow) {}
        var shouldStop: Bool { false }
    }

    /// SB3 / rl-zoo3 A2C on CartPole-v1: 8 envs, n_steps 5, RMSprop 7e-4 (α 0.99, ε 1e-5), γ 0.99,
    /// value_coef 0.5, max_grad_norm 0.5, separate 64x64 tanh networks.
    static func a2cCartPole(steps: Int) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 8),
            estimator: .init(name: .a2c, gamma: 0.99, nSteps: 5),
            baseline: .value,
            critic: .init(valueCoef: 0.5),
            optimizer: .init(configuration: .rmsprop(alpha: 0.99, eps: 1e-5), lr: 7e-4, maxGradNorm: 0.5),
            training: .init(steps: steps, evalEvery: steps, evalEpisodes: 1, evalPolicy: .greedy),
            seed: 0)
    }

    /// rl-zoo3 PPO on CartPole-v1: 8 envs, n_steps 32, 1 minibatch of 256, 20 epochs, γ 0.98,
    /// λ 0.8, Adam lr 1e-3 linear to 0, clip 0.2, no entropy bonus, 64x64 tanh.
    static func ppoCartPole(steps: Int) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 8),
            estimator: .init(
                name: .ppo, gamma: 0.98, nSteps: 32, gaeLambda: 0.8, normalizeAdvantage: true, epochs: 20,
                minibatches: 1, clip: 0.2),
            baseline: .value,
            optimizer: .init(configuration: .adam(), lr: 1e-3, schedule: .linear, maxGradNorm: 0.5),
            training: .init(steps: steps, evalEvery: steps, evalEpisodes: 1, evalPolicy: .greedy),
            seed: 0)
    }

    /// REINFORCE with SGD on a 5-state chain, 8 copies, 8 episodes per update.
    static func reinforceChain(steps: Int) throws -> TrainerSettings {
        let chain = try Chain(length: 5, slip: 0.2, smallReward: 2, largeReward: 10, horizon: 20).mdp()
        return TrainerSettings(
            environment: .init(source: .tabular(chain), numEnvs: 8),
            policy: .init(architecture: .tabular),
            estimator: .init(name: .reinforce, gamma: 0.99, episodesPerUpdate: 8),
            optimizer: .init(configuration: .sgd(), lr: 0.1, maxGradNorm: nil),
            training: .init(steps: steps, evalEvery: steps, evalEpisodes: 1))
    }

    static func register() {
        register("A2C CartPole (SB3 settings, 8 envs x 5 steps)", steps: 200_000) { a2cCartPole(steps: $0) }
        register("PPO CartPole (rl-zoo3 settings, 8 envs x 32)", steps: 50_000) { ppoCartPole(steps: $0) }
        register("REINFORCE tabular Chain (8 envs, 8 episodes/update)", steps: 200_000) { try reinforceChain(steps: $0) }
    }

    /// One training run of `steps` environment steps per iteration.
    static func register(_ name: String, steps: Int, _ settings: @escaping @Sendable (Int) throws -> TrainerSettings) {
        Benchmark(name, configuration: .init(metrics: [.wallClock, stepsPerSecond], maxIterations: 5)) { benchmark in
            let configured = try settings(steps)
            let start = BenchmarkClock.now
            let outcome = Trainer.run(configured, sink: NullSink())
            let seconds = Double((BenchmarkClock.now - start).nanoseconds()) / 1e9
            precondition(outcome.status == .completed, "\(name): \(outcome.status)")
            benchmark.measurement(stepsPerSecond, Int((Double(steps) / seconds).rounded()))
        }
    }
}
