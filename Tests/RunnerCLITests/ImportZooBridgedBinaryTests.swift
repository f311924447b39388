import Foundation
import TestSupport
import Testing

/// `runner import zoo` for environments the runner steps through Gymnasium: the zoo's real
/// entries (Tests/ExperimentTests/Fixtures/zoo/ppo.yml) become `backend: gymnasium`
/// experiments that validate.
@Suite(.serialized, .enabled(if: BridgeAvailability.shouldRun, "needs Python with gymnasium"))
struct ImportZooBridgedBinaryTests {
    static let zoo = BinaryRunner.repositoryRoot.appendingPathComponent("Tests/ExperimentTests/Fixtures/zoo/ppo.yml").path

    /// Imports `env` (from `entry`) into a file, checks that it validates, and returns its text.
    static func importAndValidate(_ env: String, entry: String? = nil) throws -> String {
        let dir = TemporaryFolder()
        let out = dir.url.appendingPathComponent("imported.yaml").path
        let imported = try BinaryRunner.run(
            ["import", "zoo", zoo, "--algo", "ppo", "--env", env, "-o", out] + (entry.map { ["--entry", $0] } ?? []))
        #expect(imported.status == 0, "\(imported.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let validate = try BinaryRunner.run(["validate", out])
        #expect(validate.status == 0 && validate.stdout == "ok: 5 jobs\n", "\(validate.stderr)")
        return text
    }

    @Test func theHalfCheetahV4EntryBecomesABridgedHalfCheetahV5Experiment() throws {
        let text = try Self.importAndValidate("HalfCheetah-v5", entry: "HalfCheetah-v4")
        for expected in [
            "# rl-zoo3's ppo hyperparameters for HalfCheetah-v4, imported from ppo.yml\n",
            "# The zoo's HalfCheetah-v4 entry, used for HalfCheetah-v5 (--entry).\n",
            "experiment: zoo-ppo-halfcheetah-v5\n",
            "  id: HalfCheetah-v5\n  backend: gymnasium\n  num_envs: 1\n  normalize: true\n",
            "  hidden: [256, 256]\n  activation: relu\n  init: uniform\n  log_std_init: -2.0\n",
            "  gamma: 0.98\n  n_steps: 512\n  lambda: 0.92\n  normalize_advantage: true\n  epochs: 20\n  minibatches: 8\n  clip: 0.1\n",
            "critic:\n  value_coef: 0.58096\n  hidden: [256, 256]\n",
            "entropy_coef: 0.000401762\n",
            "  lr: 2.0633e-05\n  schedule: constant\n  max_grad_norm: 0.8\n",
            "  steps: 1000000\n",
        ] {
            #expect(text.contains(expected), "\(expected) in\n\(text)")
        }
    }

    @Test func lunarLanderIsImportedWithDiscreteActions() throws {
        let text = try Self.importAndValidate("LunarLander-v3")
        #expect(text.contains("  id: LunarLander-v3\n  backend: gymnasium\n  num_envs: 16\n\n"), "\(text)")
        #expect(text.contains("  gamma: 0.999\n  n_steps: 1024\n  lambda: 0.98\n  normalize_advantage: true\n  epochs: 4\n  minibatches: 256\n"))
        #expect(!text.contains("--entry"))
    }

    @Test func anIdNeitherHasExits2NamingBoth() throws {
        let outcome = try BinaryRunner.run(["import", "zoo", Self.zoo, "--algo", "ppo", "--env", "LunarLander-v2"])
        #expect(outcome.status == 2 && outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("environment 'LunarLander-v2' is not available here; the runner has CartPole-v1"),
                "\(outcome.stderr)")
        #expect(outcome.stderr.contains("and the gymnasium backend cannot open it: "), "\(outcome.stderr)")
    }
}
