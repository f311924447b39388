import Foundation
import TestSupport
import Testing
import YAML

/// `runner import zoo` on zoo files written to subvert the experiment it generates: text copied
/// into a comment stays in it, values that are not finite numbers or valid schedules are
/// located errors with exit 2 and no file, and Python's `[64]*3` lists are expanded.
@Suite struct ImportZooHostileFileBinaryTests {
    /// Keys an injected line would set in the generated experiment.
    static let injectedKeys: Set<String> = ["extends", "grid", "regression", "description"]

    @Test func lineBreaksInKeysValuesAndTheFileNameStayInsideTheirComments() throws {
        let dir = TemporaryFolder()
        dir.write("base.yaml", "experiment: base\n")
        // A double-quoted key or value may hold any line break; so may a file name.
        let zoo = dir.write("ppo\ndescription: injected\n#.yml", """
            CartPole-v1:
              "frame_stack\\nextends: base.yaml\\n#": 4
              env_wrapper: "x\\ngrid: {optimizer.lr: [1.0e+30]}\\r#\\u2028#"
              policy: "MlpPolicy\\nregression: {min: -1.0e+9}"

            """)
        let out = dir.url.appendingPathComponent("cartpole.yaml").path
        let imported = try BinaryRunner.run(["import", "zoo", zoo, "--algo", "ppo", "--env", "CartPole-v1", "-o", out])
        #expect(imported.status == 0, "\(imported.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let keys = try #require(try YAMLParser.parse(text, path: out).mapping).map(\.key)
        #expect(Self.injectedKeys.isDisjoint(with: keys), "\(text)")
        let comments = text.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(comments.contains("# not mapped: frame_stack\\nextends: base.yaml\\n#: 4  # no equivalent setting"), "\(text)")
        #expect(comments.contains(
            "# not mapped: env_wrapper: x\\ngrid: {optimizer.lr: [1.0e+30]}\\r#\\L#  # no equivalent setting"),
            "\(text)")
        #expect(comments.contains("# not mapped: policy: MlpPolicy\\nregression: {min: -1.0e+9}  # only MlpPolicy is available"), "\(text)")
        #expect(comments.contains { $0.hasSuffix("imported from ppo\\ndescription: injected\\n#.yml") }, "\(text)")
        let validate = try BinaryRunner.run(["validate", out])
        #expect(validate.status == 0 && validate.stdout == "ok: 5 jobs\n", "\(validate.stderr)")
    }

    @Test(arguments: [
        ("learning_rate: lin_nan", "a finite number > 0 or lin_<finite number > 0>, found"),
        ("learning_rate: lin_-0.2", "a finite number > 0 or lin_<finite number > 0>, found"),
        ("learning_rate: 1e400", "a finite number > 0 or lin_<finite number > 0>, found the float 1e400"),
        ("learning_rate: .nan", "a finite number > 0 or lin_<finite number > 0>, found the float .nan"),
        ("clip_range: lin_inf", "a finite number > 0 or lin_<finite number > 0>, found"),
        ("gamma: -.inf", "a finite number, found the float -.inf"),
    ])
    func aValueThatIsNotAFiniteNumberOrScheduleIsALocatedErrorAndNoFile(_ line: String, _ expected: String) throws {
        let dir = TemporaryFolder()
        let zoo = dir.write("zoo.yml", "CartPole-v1:\n  n_envs: 8\n  \(line)\n")
        let out = dir.url.appendingPathComponent("cartpole.yaml").path
        // clip_range is PPO's: an A2C entry holding it is refused for that reason first.
        let algo = line.hasPrefix("clip_range") ? "ppo" : "a2c"
        let outcome = try BinaryRunner.run(["import", "zoo", zoo, "--algo", algo, "--env", "CartPole-v1", "-o", out])
        #expect(outcome.status == 2, "\(outcome.stderr)")
        let key = String(line.prefix { $0 != ":" })
        let column = key.count + 5
        #expect(outcome.stderr.contains("\(zoo):3:\(column): error: CartPole-v1.\(key): expected \(expected)"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aRepeatedNetArchListIsExpandedAsPythonWould() throws {
        let dir = TemporaryFolder()
        let zoo = dir.write("zoo.yml", """
            CartPole-v1:
              policy_kwargs: "dict(net_arch=[64]*3)"
            Acrobot-v1:
              policy_kwargs: "dict(net_arch=dict(pi=[64]*3, vf=[64, 32]*2))"

            """)
        for (environment, hidden) in [("CartPole-v1", ["  hidden: [64, 64, 64]\n"]),
                                      ("Acrobot-v1", ["  hidden: [64, 64, 64]\n", "  hidden: [64, 32, 64, 32]\n"])] {
            let out = dir.url.appendingPathComponent("\(environment).yaml").path
            let imported = try BinaryRunner.run(["import", "zoo", zoo, "--algo", "ppo", "--env", environment, "-o", out])
            #expect(imported.status == 0, "\(imported.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(hidden.allSatisfy(text.contains) && !text.contains("not mapped"), "\(text)")
            let validate = try BinaryRunner.run(["validate", out])
            #expect(validate.status == 0, "\(validate.stderr)")
        }
    }
}
