import Experiment
import Foundation
import PolicyGradient

/// Training throughput: A2C on CartPole with Stable-Baselines3's settings, PPO on CartPole with
/// rl-zoo3's settings, raw environment
/// step rates, and tabular REINFORCE. `runner-bench --learn` instead runs the full learning
/// experiments (A2C 500k steps and PPO 100k steps on CartPole, 5 seeds each) and prints returns;
/// `runner-bench --experiment FILE` trains every job of an experiment file and prints its final return.
enum TrainingBenchmark {
    /// Discards rows; never stops.
    final class NullSink: TrainingSink {
        func record(_ row: CurveRow) {}
        func record(_ row: VarianceRow) {}
        var shouldStop: Bool { false }
    }

    /// SB3 / rl-zoo3 A2C on CartPole-v1: 8 envs, n_steps 5, RMSprop 7e-4 (α 0.99, ε 1e-5), γ 0.99,
    /// value_coef 0.5, max_grad_norm 0.5, separate 64x64 tanh networks.
    static func a2cCartPole(steps: Int, seed: UInt64, evalEvery: Int, evalEpisodes: Int) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 8),
            estimator: .init(name: .a2c, gamma: 0.99, nSteps: 5),
            baseline: .value,
            critic: .init(valueCoef: 0.5),
            optimizer: .init(configuration: .rmsprop(alpha: 0.99, eps: 1e-5), lr: 7e-4, maxGradNorm: 0.5),
            training: .init(steps: steps, evalEvery: evalEvery, evalEpisodes: evalEpisodes, evalPolicy: .greedy),
            seed: seed)
    }

    /// rl-zoo3 PPO on CartPole-v1: 8 envs, n_steps 32, 1 minibatch of 256, 20 epochs, γ 0.98,
    /// λ 0.8, Adam lr 1e-3 linear to 0, clip 0.2, no entropy bonus, 64x64 tanh.
    static func ppoCartPole(steps: Int, seed: UInt64, evalEvery: Int, evalEpisodes: Int) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 8),
            estimator: .init(
                name: .ppo, gamma: 0.98, nSteps: 32, gaeLambda: 0.8, normalizeAdvantage: true, epochs: 20,
                minibatches: 1, clip: 0.2),
            baseline: .value,
            optimizer: .init(configuration: .adam(), lr: 1e-3, schedule: .linear, maxGradNorm: 0.5),
            training: .init(steps: steps, evalEvery: evalEvery, evalEpisodes: evalEpisodes, evalPolicy: .greedy),
            seed: seed)
    }

    static func run() throws {
        if CommandLine.arguments.contains("--learn") {
            learn()
            return
        }
        if let flag = CommandLine.arguments.firstIndex(of: "--experiment"), flag + 1 < CommandLine.arguments.count {
            let plan = try ExperimentLoader().load(path: CommandLine.arguments[flag + 1])
            for job in plan.jobs {
                let start = Date()
                let outcome = Trainer.run(try job.config.trainerSettings(), sink: NullSink())
                print(String(format: "%@ %@ seed %d: %@ final_return %.1f (%.1f s)", job.id, plan.cells[job.cellIndex].label,
                             job.seed, outcome.status.rawValue, outcome.finalReturn, Date().timeIntervalSince(start)))
            }
            return
        }
        print("")
        let steps = 200_000
        var outcome: TrainingOutcome?
        let seconds = medianSeconds(repetitions: 3) {
            outcome = Trainer.run(a2cCartPole(steps: steps, seed: 0, evalEvery: steps, evalEpisodes: 1), sink: NullSink())
        }
        precondition(outcome?.status == .completed)
        report("A2C CartPole (SB3 settings, 8 envs x 5 steps)", Double(steps) / seconds, "steps/s")

        let ppoSteps = 50_000
        var ppoOutcome: TrainingOutcome?
        let ppoSeconds = medianSeconds(repetitions: 3) {
            ppoOutcome = Trainer.run(ppoCartPole(steps: ppoSteps, seed: 0, evalEvery: ppoSteps, evalEpisodes: 1), sink: NullSink())
        }
        precondition(ppoOutcome?.status == .completed)
        report("PPO CartPole (rl-zoo3 settings, 8 envs x 32)", Double(ppoSteps) / ppoSeconds, "steps/s")

        environmentRate(CartPole(), "CartPole-v1")
        environmentRate(Acrobot(), "Acrobot-v1")
        environmentRate(MountainCar(), "MountainCar-v0")
        environmentRate(Pendulum(), "Pendulum-v1")
        let chain = try Chain(length: 5, slip: 0.2, smallReward: 2, largeReward: 10, horizon: 20).mdp()
        environmentRate(TabularEnvironment(mdp: chain), "Tabular (Chain, 5 states)")

        let reinforceSteps = 200_000
        let reinforce = TrainerSettings(
            environment: .init(source: .tabular(chain), numEnvs: 8),
            policy: .init(architecture: .tabular),
            estimator: .init(name: .reinforce, gamma: 0.99, episodesPerUpdate: 8),
            optimizer: .init(configuration: .sgd(), lr: 0.1, maxGradNorm: nil),
            training: .init(steps: reinforceSteps, evalEvery: reinforceSteps, evalEpisodes: 1))
        let reinforceSeconds = medianSeconds(repetitions: 3) { _ = Trainer.run(reinforce, sink: NullSink()) }
        report("REINFORCE tabular Chain (8 envs, 8 episodes/update)", Double(reinforceSteps) / reinforceSeconds, "steps/s")
    }

    /// Steps 8 copies with uniformly random actions.
    static func environmentRate<E: Environment>(_ prototype: E, _ name: String) {
        let vector = VectorEnvironment(prototype, numEnvs: 8, seed: 0)
        var generator = RandomGenerator(seed: 0, stream: .actions)
        let rounds = 100_000
        var discrete = [Int](repeating: 0, count: 8)
        var continuous = [Double](repeating: 0, count: 8 * prototype.actionSpace.actionDimension)
        let seconds = medianSeconds(repetitions: 3) {
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
        }
        report("env \(name), 8 copies, random actions", Double(rounds * 8) / seconds, "steps/s")
    }

    /// The learning experiments, by hand: final greedy evaluation returns per seed.
    static func learn() {
        func runSeeds(_ title: String, _ make: (UInt64) -> TrainerSettings) {
            print(title)
            for seed in 0..<UInt64(5) {
                let start = Date()
                let outcome = Trainer.run(make(seed), sink: NullSink())
                print(String(format: "  seed %d: %@ final_return %.1f (%.0f s)", seed, outcome.status.rawValue,
                             outcome.finalReturn, Date().timeIntervalSince(start)))
            }
        }
        runSeeds("A2C CartPole-v1, SB3 settings, 500k steps, greedy eval 10 episodes") {
            a2cCartPole(steps: 500_000, seed: $0, evalEvery: 50_000, evalEpisodes: 10)
        }
        runSeeds("PPO CartPole-v1, rl-zoo3 settings, 100k steps, greedy eval 10 episodes") {
            ppoCartPole(steps: 100_000, seed: $0, evalEvery: 10_000, evalEpisodes: 10)
        }
    }
}
