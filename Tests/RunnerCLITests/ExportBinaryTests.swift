import Foundation
import PolicyExport
import PolicyGradient
import TestSupport
import Testing

/// `runner export --format sb3`, through the built binary: Stable-Baselines3 loads the model,
/// and on the same observations its deterministic actions and values are our policy's greedy
/// actions and critic values (docs/policy-format.md, "Exporting to Stable-Baselines3").
@Suite(.enabled(if: GymnasiumPython.shouldRunStableBaselines3))
struct ExportBinaryTests {
    /// A tiny PPO job on CartPole (discrete) and an A2C one on Pendulum (Gaussian), both
    /// normalizing observations, so that the statistics are exported and used.
    static let experiment = """
        experiment: exported
        environment: {num_envs: 2, normalize: true}
        policy: {hidden: [16, 8]}
        critic: {hidden: [12]}
        estimator: {name: ppo, n_steps: 16, epochs: 2, minibatches: 2}
        baseline: value
        training: {steps: 640, eval_every: 320, eval_episodes: 2}
        seeds: 1
        grid:
          environment.id: [CartPole-v1, Pendulum-v1]
          estimator.name: [ppo, a2c]

        """

    /// |ours − SB3's| allowed, relative to max(1, |value|): float32 sums in another order and
    /// our tanh (within 5e-7 of the exact one) against PyTorch's.
    static let tolerance: Float = 1e-5

    /// 20 observations spread over plausible ranges, the same on every run: component j of
    /// observation i is `scale_j · sin(1.7 i + 0.9 j + 0.3)`.
    static func observations(scales: [Float]) -> [[Float]] {
        (0..<20).map { i in
            scales.enumerated().map { j, scale in scale * Float(sin(1.7 * Double(i) + 0.9 * Double(j) + 0.3)) }
        }
    }

    /// SB3's side: load the model and the statistics as a user would, normalize, predict.
    static let predict = """
        import json, sys
        import gymnasium as gym, numpy as np, torch as th
        from stable_baselines3 import A2C, PPO
        from stable_baselines3.common.vec_env import DummyVecEnv, VecNormalize
        algorithm, model_path, statistics_path, env_id, observations = sys.argv[1:6]
        normalizer = VecNormalize.load(statistics_path, DummyVecEnv([lambda: gym.make(env_id)]))
        # With env: SB3 checks that the model's spaces are the environment's.
        model = {"PPO": PPO, "A2C": A2C}[algorithm].load(model_path, env=normalizer, device="cpu")
        normalized = normalizer.normalize_obs(np.array(json.loads(observations), dtype=np.float32))
        actions, _ = model.predict(normalized, deterministic=True)
        with th.no_grad():
            values = model.policy.predict_values(th.as_tensor(normalized, dtype=th.float32)).numpy()
        print(json.dumps({"observations": normalized.tolist(), "actions": np.asarray(actions).tolist(),
                          "values": values.tolist()}))
        """

    @Test func stableBaselines3ActsAndValuesAsOurPolicy() throws {
        guard GymnasiumPython.check(GymnasiumPython.stableBaselines3Unavailability) else { return }
        let exported = try Self.exportAndCompare(Self.experiment, name: "exported")
        #expect(exported == ["CartPole-v1 PPO", "CartPole-v1 A2C", "Pendulum-v1 PPO", "Pendulum-v1 A2C"])
    }

    /// gSDE's `log_std` is `[features × actions]`; SB3's `use_sde` policy holds the same.
    @Test func aStateDependentExplorerExportsToo() throws {
        guard GymnasiumPython.check(GymnasiumPython.stableBaselines3Unavailability) else { return }
        let experiment = Self.experiment
            .replacingOccurrences(of: "experiment: exported", with: "experiment: sde")
            .replacingOccurrences(of: "policy: {hidden: [16, 8]}", with: "policy: {hidden: [16, 8], sde: true, log_std_init: -1}")
            .replacingOccurrences(of: "[CartPole-v1, Pendulum-v1]", with: "[Pendulum-v1]")
            .replacingOccurrences(of: "[ppo, a2c]", with: "[ppo]")
        #expect(try Self.exportAndCompare(experiment, name: "sde") == ["Pendulum-v1 PPO"])
    }

    /// Runs `experiment` (results folder `name`), exports each job, and expects SB3's answers
    /// on the fixed observations to be ours; returns each job's environment and SB3 class.
    static func exportAndCompare(_ experiment: String, name: String) throws -> Set<String> {
        let dir = TemporaryFolder()
        let run = try BinaryRunner.run(
            ["run", dir.write("exp.yaml", experiment), "--results", dir.url.path, "--no-progress"])
        #expect(run.status == 0, "\(run.stderr)")
        let jobsFolder = dir.url.appendingPathComponent("\(name)/jobs")
        let jobs = try FileManager.default.contentsOfDirectory(atPath: jobsFolder.path).sorted()
        var seen: Set<String> = []
        for job in jobs {
            let folder = jobsFolder.appendingPathComponent(job)
            let policy = try JobPolicy.load(folder.path)
            let env = policy.saved.environment, estimator = policy.settings.estimator.name
            let algorithm = estimator == .ppo ? "PPO" : "A2C"
            seen.insert("\(env) \(algorithm)")
            let model = dir.url.appendingPathComponent("\(job).zip").path
            let statistics = dir.url.appendingPathComponent("\(job).pkl").path
            let export = try BinaryRunner.run(
                ["export", folder.path, "--format", "sb3", "--output", model, "--vec-normalize", statistics])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(export.stdout.contains("\(model): Stable-Baselines3 \(algorithm) model"), "\(export.stdout)")

            let continuous = env == "Pendulum-v1"
            let raw = Self.observations(scales: continuous ? [1, 1, 8] : [2.4, 2, 0.2, 2])
            let ours = try Trainer.responses(policy.saved, settings: policy.settings, to: raw)
            let observationsJSON = String(decoding: try JSONEncoder().encode(raw), as: UTF8.self)
            let answer = try #require(
                GymnasiumPython.run(["-c", Self.predict, algorithm, model, statistics, env, observationsJSON]))
            #expect(answer.status == 0, "SB3 could not load or run the exported model")
            let theirs = try JSONDecoder().decode(SB3Answer.self, from: Data(answer.output.utf8))
            #expect(theirs.values.count == raw.count)
            for (i, response) in ours.enumerated() {
                #expect(response.observation == theirs.observations[i], "normalized observation \(i)")
                let v = response.values[0], sb3 = theirs.values[i][0]
                #expect(abs(v - sb3) <= Self.tolerance * max(1, abs(v)), "\(job) V(s_\(i)): \(v) vs \(sb3)")
                switch theirs.actions[i] {
                case .index(let a):
                    #expect(!continuous && Float(a) == response.greedyAction[0], "\(job) action \(i)")
                case .vector(let a):
                    // SB3 clips the mean to the action bounds; so do we, to compare.
                    let low = try #require(policy.saved.actionLow), high = try #require(policy.saved.actionHigh)
                    for d in a.indices {
                        let mean = min(max(response.greedyAction[d], Float(low[d])), Float(high[d]))
                        #expect(abs(mean - a[d]) <= Self.tolerance * max(1, abs(mean)), "\(job) μ(s_\(i))[\(d)]: \(mean) vs \(a[d])")
                    }
                }
            }
            if continuous {
                let means = ours.map { $0.greedyAction[0] }
                #expect(means.contains { abs($0) < 2 }, "some means lie inside the bounds, where clipping hides nothing")
            }
        }
        return seen
    }

    /// SB3's answer: the normalized observations, one action per observation (an index or a
    /// vector) and one value per observation.
    struct SB3Answer: Decodable {
        var observations: [[Float]]
        var actions: [Action]
        var values: [[Float]]

        enum Action: Decodable {
            case index(Int)
            case vector([Float])

            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let index = try? container.decode(Int.self) { self = .index(index) } else {
                    self = .vector(try container.decode([Float].self))
                }
            }
        }
    }
}
