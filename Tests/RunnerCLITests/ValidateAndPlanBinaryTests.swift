import Foundation
import TestSupport
import Testing

/// `runner validate` and `runner plan`, through the built binary.
@Suite struct ValidateAndPlanBinaryTests {
    @Test func theFlagshipExperimentIsValid() throws {
        let outcome = try BinaryRunner.run(["validate", "experiments/a2c.yaml"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("ok: "))
        #expect(outcome.stdout.hasSuffix(" jobs\n"))
    }

    @Test func anInvalidFileExitsWith2AndALocatedMessage() throws {
        let dir = TemporaryFolder()
        let path = dir.write("bad.yaml", """
            experiment: bad
            environment: {id: CartPole-v1}
            estimator: {name: a2c, gamma: 2}
            training: {steps: 100}
            """)
        let outcome = try BinaryRunner.run(["validate", path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.yaml:3:31: error: estimator.gamma: must be in (0, 1]"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("estimator: {name: a2c, gamma: 2}\n" + String(repeating: " ", count: 30) + "^"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test func everyErrorIsPrintedInOneRunWithItsCount() throws {
        let dir = TemporaryFolder()
        let path = dir.write("many.yaml", """
            experiment: many
            environment: {id: CartPole-v1, n_envs: 8}
            estimator: {name: a2c, gamma: 2, n_steps: 0}
            ent_coef: 0.01
            training: {steps: 100}
            """)
        let outcome = try BinaryRunner.run(["validate", path])
        #expect(outcome.status == 2)
        let heads = outcome.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(heads == [
            "\(path):2:32: error: environment.n_envs: unknown key 'n_envs' (Stable-Baselines3's name); here the setting is environment.num_envs",
            "\(path):3:31: error: estimator.gamma: must be in (0, 1]",
            "\(path):3:43: error: estimator.n_steps: must be in 1...1000000",
            "\(path):4:1: error: ent_coef: unknown key 'ent_coef' (Stable-Baselines3's name); here the setting is entropy_coef (a top-level key)",
        ], "\(outcome.stderr)")
        #expect(outcome.stderr.hasSuffix("4 errors\n"), "\(outcome.stderr)")
    }

    @Test func cellNamesLabelThePlan() throws {
        let dir = TemporaryFolder()
        let path = dir.write("named.yaml", """
            experiment: named
            environment: {id: CartPole-v1}
            estimator: {name: a2c}
            training: {steps: 100}
            grid:
              estimator: [{name: a2c}, {name: ppo, n_steps: 16}]
            report:
              names: {estimator: [A2C, PPO-16]}
            """)
        let outcome = try BinaryRunner.run(["plan", path, "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let cells = outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
        #expect(cells == ["A2C", "PPO-16"], "\(outcome.stdout)")
    }

    @Test func aMissingFileExitsWith2() throws {
        let outcome = try BinaryRunner.run(["validate", "no/such/file.yaml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no/such/file.yaml"))
    }

    @Test func planIsDeterministicAndItsJSONParses() throws {
        let first = try BinaryRunner.run(["plan", "experiments/a2c.yaml", "--format", "json"])
        let second = try BinaryRunner.run(["plan", "experiments/a2c.yaml", "--format", "json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let jobs = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [[String: Any]])
        #expect(jobs.count == 20)
        #expect(jobs.allSatisfy { ($0["job_id"] as? String)?.count == 16 })
        #expect(Set(jobs.compactMap { $0["job_id"] as? String }).count == 20)
        #expect(jobs.first?["seed"] as? Int == 0)
    }

    @Test func planCSVHasOneColumnPerSweptKey() throws {
        let outcome = try BinaryRunner.run(["plan", "experiments/a2c.yaml", "--format", "csv"])
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.first == "job_id,cell,seed,baseline,entropy_coef")
        #expect(lines.count == 21)
        #expect(lines[1].hasSuffix(",\"baseline=none,entropy_coef=0.0\",0,none,0.0"))
    }
}
