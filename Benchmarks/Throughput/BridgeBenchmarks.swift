import Benchmark
import Experiment
import Foundation
import GymnasiumBridge
import PolicyGradient

/// Gymnasium environments stepped through the bridge with uniformly random actions, in steps
/// per second: HalfCheetah-v5 (one copy in one worker, against `tools/gymnasium_speed.py`'s plain
/// Python loop) and CartPole-v1 (8 copies in one worker, where the bridge's share of the time
/// shows). Registered only when the Python of `RUNNER_PYTHON` (else `python3`) has Gymnasium
/// (and MuJoCo, for HalfCheetah). Then PPO with rl-zoo3's HalfCheetah settings, end to end
/// through the bridge, against `tools/sb3_speed.py ppo-halfcheetah`.
enum BridgeBenchmarks {
    static func register() {
        GymnasiumBackend.register()
        register("HalfCheetah-v5", copies: 1, rounds: 20_000)
        register("CartPole-v1", copies: 8, rounds: 20_000)
        registerZooPPO(steps: 10_240)
    }

    /// PPO on HalfCheetah-v5 with rl-zoo3's tuned settings as experiments/zoo/ppo-halfcheetah.yaml
    /// holds them (one copy, n_steps 512, 20 epochs of 8 minibatches, 256x256 ReLU networks,
    /// observation and reward normalization), `steps` training steps per iteration on one
    /// thread; the single greedy evaluation episode at the end counts against it.
    static func registerZooPPO(steps: Int) {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("experiments/zoo/ppo-halfcheetah.yaml").path
        var settings: TrainerSettings
        do {
            settings = try ExperimentLoader().load(path: file).jobs[0].config.trainerSettings()
        } catch {
            FileHandle.standardError.write(Data("zoo PPO HalfCheetah benchmark left out: \(error)\n".utf8))
            return
        }
        settings.training.steps = steps
        settings.training.evalEvery = steps
        settings.training.evalEpisodes = 1
        Benchmark("PPO HalfCheetah-v5 through the Gymnasium bridge (rl-zoo3 settings, 1 env x 512, 20 epochs)",
                  configuration: .init(metrics: [.wallClock, TrainingBenchmarks.stepsPerSecond], maxIterations: 3)) { benchmark in
            let start = BenchmarkClock.now
            let outcome = Trainer.run(settings, sink: TrainingBenchmarks.NullSink())
            let seconds = Double((BenchmarkClock.now - start).nanoseconds()) / 1e9
            precondition(outcome.status == .completed, "zoo PPO HalfCheetah: \(outcome.status)")
            benchmark.measurement(TrainingBenchmarks.stepsPerSecond, Int((Double(steps) / seconds).rounded()))
        }
    }

    static func register(_ id: String, copies: Int, rounds: Int) {
        let environment = ExternalEnvironment(backend: "gymnasium", id: id)
        let factory: any BatchedEnvironmentFactory
        do {
            factory = try EnvironmentBackends.open(environment, maxEpisodeSteps: nil)
        } catch {
            FileHandle.standardError.write(Data("bridge benchmark \(id) left out: \(error)\n".utf8))
            return
        }
        Benchmark("env \(id) through the Gymnasium bridge, \(copies) copies in 1 worker, random actions",
                  configuration: .init(metrics: [.wallClock, TrainingBenchmarks.stepsPerSecond], maxIterations: 3)) { benchmark in
            let rate = stepRate(factory, copies: copies, rounds: rounds)
            benchmark.measurement(TrainingBenchmarks.stepsPerSecond, Int(rate.rounded()))
        }
    }

    /// Steps per second of `rounds` batched steps of `copies` copies.
    static func stepRate<F: BatchedEnvironmentFactory>(_ factory: F, copies: Int, rounds: Int) -> Double {
        let vector = factory.makeCopies(numEnvs: copies, seed: 0, stream: .environment) { false }
        var generator = RandomGenerator(seed: 0, stream: .actions)
        var discrete = [Int](repeating: 0, count: copies)
        var continuous = [Float](repeating: 0, count: copies * factory.actionSpace.actionDimension)
        let start = BenchmarkClock.now
        for _ in 0..<rounds {
            switch factory.actionSpace {
            case .discrete(let n):
                for i in 0..<copies { discrete[i] = generator.int(below: n) }
                discrete.withUnsafeBufferPointer { vector.step(discrete: $0) }
            case .continuous(_, let low, let high):
                for i in 0..<continuous.count { continuous[i] = Float(generator.uniform(low[0], high[0])) }
                continuous.withUnsafeBufferPointer { vector.step(continuous: $0) }
            }
        }
        let seconds = Double((BenchmarkClock.now - start).nanoseconds()) / 1e9
        if let fault = vector.fault { FileHandle.standardError.write(Data("bridge benchmark: \(fault)\n".utf8)) }
        return Double(rounds * copies) / seconds
    }
}
