import Foundation
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
}
