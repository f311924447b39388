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
