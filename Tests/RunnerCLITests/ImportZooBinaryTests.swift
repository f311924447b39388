import Foundation
import Results
import TestSupport
import Testing

/// `runner import zoo` through the built binary: a zoo entry becomes a file `runner validate`
/// accepts; an environment the runner lacks exits 2 with a located message.
@Suite struct ImportZooBinaryTests {
    static let zooFile = """
        MountainCar-v0:
          normalize: true
          n_envs: 16
          n_timesteps: !!float 1e6
          policy: 'MlpPolicy'
          n_steps: 16
          gae_lambda: 0.98
          gamma: 0.99
          n_epochs: 4
          ent_coef: 0.0
          use_sde: False

        LunarLander-v2:
          n_envs: 16

        """

    @Test func anImportedEntryValidates() throws {
        let dir = TemporaryFolder()
        let zoo = dir.write("ppo.yml", Self.zooFile)
        let out = dir.url.appendingPathComponent("mc.yaml").path
        let imported = try BinaryRunner.run(["import", "zoo", zoo, "--algo", "ppo", "--env", "MountainCar-v0", "-o", out])
        #expect(imported.status == 0, "\(imported.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        // use_sde: False is the default here too: nothing to write or to comment on.
        #expect(!text.contains("use_sde") && !text.contains("sde:"), "\(text)")
        let validate = try BinaryRunner.run(["validate", out])
        #expect(validate.status == 0 && validate.stdout == "ok: 5 jobs\n", "\(validate.stderr)")
        let toStdout = try BinaryRunner.run(["import", "zoo", zoo, "--algo", "ppo", "--env", "MountainCar-v0"])
        #expect(toStdout.stdout == text)
    }

    @Test func anEnvironmentTheRunnerLacksExits2() throws {
        let dir = TemporaryFolder()
        let zoo = dir.write("ppo.yml", Self.zooFile)
        let outcome = try BinaryRunner.run(["import", "zoo", zoo, "--algo", "ppo", "--env", "LunarLander-v2"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("ppo.yml:13:1: error: LunarLander-v2: environment 'LunarLander-v2' is not available here"),
                "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        let badAlgo = try BinaryRunner.run(["import", "zoo", zoo, "--algo", "sac", "--env", "MountainCar-v0"])
        #expect(badAlgo.status == 64)
    }

    /// Another algorithm's file, by its name or by a key only that algorithm has, is refused
    /// with every such key located; nothing is written.
    @Test func anotherAlgorithmsFileOrEntryIsRefused() throws {
        let dir = TemporaryFolder()
        let sac = dir.write("sac.yml", "Pendulum-v1:\n  buffer_size: 300000\n  learning_starts: 1000\n")
        let out = dir.url.appendingPathComponent("out.yaml").path
        let byName = try BinaryRunner.run(["import", "zoo", sac, "--algo", "ppo", "--env", "Pendulum-v1", "-o", out])
        #expect(byName.status == 2, "\(byName.stderr)")
        #expect(byName.stderr.contains("\(sac):1:1: error: this is rl-zoo3's file for sac (sac.yml), not for ppo"), "\(byName.stderr)")
        let renamed = dir.write("mine.yml", "Pendulum-v1:\n  buffer_size: 300000\n  learning_starts: 1000\n")
        let byKeys = try BinaryRunner.run(["import", "zoo", renamed, "--algo", "ppo", "--env", "Pendulum-v1", "-o", out])
        #expect(byKeys.status == 2, "\(byKeys.stderr)")
        #expect(byKeys.stderr.contains("\(renamed):2:3: error: Pendulum-v1.buffer_size: 'buffer_size' is an off-policy"), "\(byKeys.stderr)")
        #expect(byKeys.stderr.contains("\(renamed):3:3: error: Pendulum-v1.learning_starts:"), "\(byKeys.stderr)")
        let a2cEntry = dir.write("a2c-like.yml", "CartPole-v1:\n  n_envs: 8\n  use_rms_prop: true\n")
        let crossed = try BinaryRunner.run(["import", "zoo", a2cEntry, "--algo", "ppo", "--env", "CartPole-v1", "-o", out])
        #expect(crossed.status == 2 && crossed.stderr.contains("'use_rms_prop' is A2C's setting"), "\(crossed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// Without a file, the zoo's own hyperparams/<algo>.yml is found through the configured
    /// Python, as a pip install of rl_zoo3 places it (a package on PYTHONPATH stands in for one).
    @Test(.enabled(if: ExecutableSearch.onPath("python3") != nil, "python3 is not on PATH"))
    func theInstalledZoosFileIsFoundThroughPython() throws {
        let dir = TemporaryFolder()
        dir.write("site/rl_zoo3/__init__.py", "")
        let installed = dir.write("site/rl_zoo3/hyperparams/ppo.yml", Self.zooFile)
        let site = dir.url.appendingPathComponent("site").path
        let found = try BinaryRunner.run(
            ["import", "zoo", "--algo", "ppo", "--env", "MountainCar-v0"], environment: ["PYTHONPATH": site])
        #expect(found.status == 0, "\(found.stderr)")
        let named = try BinaryRunner.run(["import", "zoo", installed, "--algo", "ppo", "--env", "MountainCar-v0"])
        #expect(found.stdout == named.stdout && !found.stdout.isEmpty)
        let noA2C = try BinaryRunner.run(
            ["import", "zoo", "--algo", "a2c", "--env", "MountainCar-v0"], environment: ["PYTHONPATH": site])
        #expect(noA2C.status == 2 && noA2C.stderr.contains("has no hyperparams/a2c.yml"), "\(noA2C.stderr)")
        let none = try BinaryRunner.run(
            ["import", "zoo", "--algo", "ppo", "--env", "MountainCar-v0"],
            environment: ["PYTHONPATH": dir.url.appendingPathComponent("nothing").path])
        #expect(none.status == 2 && none.stderr.contains("cannot import rl_zoo3 (pip install rl_zoo3"), "\(none.stderr)")
    }
}
