import Experiment
import Foundation
import Testing
import YAML

/// `runner import zoo` on entries that would make it write something other than an experiment
/// holding their values: text that would leave its comment, values that are not finite numbers
/// or valid schedules (located errors in the zoo file), and Python list arithmetic in `net_arch`.
@Suite struct ZooImportHostileFileTests {
    /// The experiment imported from a CartPole-v1 entry holding `lines`, as PPO.
    static func imported(_ lines: String, algorithm: ZooImport.Algorithm = .ppo) throws -> String {
        let scratch = Scratch()
        let path = scratch.write("zoo.yml", "CartPole-v1:\n" + lines)
        return try withExtendedLifetime(scratch) {
            try ZooImport.experiment(fileAt: path, algorithm: algorithm, environment: "CartPole-v1")
        }
    }

    /// The diagnostics importing a CartPole-v1 entry holding `lines` gives (none when it imports).
    static func errors(_ lines: String) -> [Diagnostic] {
        diagnostics { _ = try imported(lines) }
    }

    @Test func everyLineBreakAndControlCharacterInACopiedTextIsEscaped() throws {
        // YAML's line breaks, those libyaml also breaks lines at, and characters no reader accepts.
        let text = try Self.imported("""
              "a\\nextends: base.yaml\\r\\N\\L\\P\\0\\e\\\\n": 1
              policy: "Cnn\\ngrid: {seeds: [1, 2]}"

            """)
        let root = try YAMLParser.parse(text, path: "imported.yaml")
        #expect(try #require(root.mapping).map(\.key) == [
            "experiment", "environment", "policy", "estimator", "baseline", "critic", "entropy_coef", "optimizer",
            "training", "seeds",
        ])
        #expect(text.contains("# not mapped: a\\nextends: base.yaml\\r\\N\\L\\P\\0\\x1B\\\\n: 1  # no equivalent setting\n"), "\(text)")
        #expect(text.contains("# not mapped: policy: Cnn\\ngrid: {seeds: [1, 2]}  # only MlpPolicy is available\n"), "\(text)")
        #expect(try Scratch().load("imported.yaml", text).jobs.count == 5)
    }

    @Test func aValueThatIsNotAFiniteNumberIsLocatedAtIt() {
        let errors = Self.errors("""
              gamma: .nan
              gae_lambda: .inf
              ent_coef: -.inf
              vf_coef: 1e400
              max_grad_norm: .NaN
              target_kl: -1e999
              clip_range_vf: .Inf
              n_envs: 8

            """)
        #expect(errors.map(\.path) == [
            "CartPole-v1.gamma", "CartPole-v1.gae_lambda", "CartPole-v1.ent_coef", "CartPole-v1.vf_coef",
            "CartPole-v1.max_grad_norm", "CartPole-v1.target_kl", "CartPole-v1.clip_range_vf",
        ])
        #expect(errors.map(\.mark.line) == Array(2...8))
        #expect(errors.first?.message == "expected a finite number, found the float .nan")
    }

    @Test(arguments: ["lin_nan", "lin_-0.2", "lin_0", "lin_", "lin_inf", "lin_1e400", "lin_0x1p-3", "lin_ 0.1", "-0.1", "0", "1e400", ".nan"])
    func aScheduleThatIsNotAFinitePositiveNumberIsLocatedAtIt(_ value: String) {
        for key in ["learning_rate", "clip_range", "clip_range_vf"] {
            let errors = Self.errors("  \(key): \(value)\n")
            #expect(errors.map(\.path) == ["CartPole-v1.\(key)"], "\(key): \(value)")
            #expect(errors.first?.mark.line == 2 && errors.first?.mark.column == key.count + 5)
            #expect(errors.first?.message.hasPrefix("expected a finite number > 0 or lin_<finite number > 0>, found ") == true)
        }
    }

    @Test func finitePositiveSchedulesStillImport() throws {
        let text = try Self.imported("  learning_rate: lin_2.5e-4\n  clip_range: lin_1\n  clip_range_vf: 0.5\n")
        #expect(text.contains("  lr: 0.00025\n  schedule: linear\n") && text.contains("  clip: 1.0\n  clip_schedule: linear\n"), "\(text)")
        #expect(text.contains("  clip_value: 0.5\n"), "\(text)")
    }

    @Test func aNonFiniteLogStdInitIsLocatedAtPolicyKwargs() {
        let errors = Self.errors("  policy_kwargs: \"dict(log_std_init=1e400, net_arch=[64])\"\n")
        #expect(errors.map(\.path) == ["CartPole-v1.policy_kwargs"])
        #expect(errors.first?.mark.line == 2 && errors.first?.mark.column == 18)
        #expect(errors.first?.message == "log_std_init=1e400 is not a finite number")
    }

    @Test(arguments: [
        ("[64]*3", [64, 64, 64]),
        ("[64, 32]*2", [64, 32, 64, 32]),
        ("2 * [64]", [64, 64]),
        ("[64] * 2 + [32]", [64, 64, 32]),
        ("[256, 256,]", [256, 256]),
    ])
    func netArchListArithmeticIsEvaluatedAsPythonWould(_ arch: String, _ hidden: [Int]) throws {
        let text = try Self.imported("  policy_kwargs: \"dict(net_arch=\(arch), activation_fn=nn.ReLU)\"\n")
        #expect(text.contains("  hidden: \(hidden)\n  activation: relu\n") && !text.contains("not mapped"), "\(text)")
        let dict = try Self.imported("  policy_kwargs: \"dict(net_arch=[dict(pi=\(arch), vf=\(arch))])\"\n")
        #expect(dict.contains("policy:\n  architecture: mlp\n  hidden: \(hidden)\n"), "\(dict)")
        #expect(dict.contains("  value_coef: 0.5\n  hidden: \(hidden)\n"), "\(dict)")
    }

    @Test(arguments: ["[64]*n", "[64]*100", "[]", "[64]*0", "[64, dict(pi=[32], vf=[32])]", "[70000]", "[64]*99999999999999999999"])
    func aNetArchThatCannotBeMappedIsACommentAndTheDefaultStays(_ arch: String) throws {
        let text = try Self.imported("  policy_kwargs: \"dict(net_arch=\(arch))\"\n")
        #expect(text.contains("# not mapped: policy_kwargs net_arch=\(arch)  # "), "\(text)")
        #expect(text.contains("  hidden: [64, 64]\n"), "\(text)")
        #expect(try Scratch().load("imported.yaml", text).jobs.count == 5)
    }
}
