import Foundation
import TestSupport
import Testing

/// `runner evaluate` on a finished sweep, through the built binary: the saved policies give
/// the final returns the run recorded.
@Suite struct EvaluateBinaryTests {
    static let experiment = """
        experiment: evaluated
        environment: {id: CartPole-v1, num_envs: 2, normalize: true}
        policy: {hidden: [8]}
        estimator: {name: ppo, n_steps: 16, epochs: 2, minibatches: 2}
        baseline: value
        training: {steps: 640, eval_every: 320, eval_episodes: 3}
        seeds: 2
        grid:
          entropy_coef: [0.0, 0.01]

        """

    /// The rows of a CSV text, by header name.
    static func rows(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func replayingTheSavedPoliciesGivesTheRecordedFinalReturns() throws {
        let dir = TemporaryFolder()
        let path = dir.write("exp.yaml", Self.experiment)
        let run = try BinaryRunner.run(["run", path, "--results", dir.url.path, "--no-progress"])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = dir.url.appendingPathComponent("evaluated")

        let outcome = try BinaryRunner.run(["evaluate", folder.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let evaluated = Self.rows(outcome.stdout)
        #expect(evaluated.count == 4)
        let jobs = Self.rows(try String(contentsOf: folder.appendingPathComponent("jobs.csv"), encoding: .utf8))
        for row in evaluated {
            let job = try #require(jobs.first { $0["job_id"] == row["job_id"] })
            #expect(row["mean"] == row["final_return"] && row["mean"] != "", "\(row)")
            #expect(Double(row["mean"]!) == Double(job["final_return"] ?? ""), "\(row) vs \(job)")
            let result = try String(
                contentsOf: folder.appendingPathComponent("jobs/\(row["job_id"]!)/result.json"), encoding: .utf8)
            #expect(result.contains("\"policy.json\""), "result.json vouches for the policy")
        }

        let some = try BinaryRunner.run(
            ["evaluate", folder.path, "--only", "entropy_coef=0.01", "--episodes", "4", "--seed", "7", "--policy", "greedy"])
        #expect(some.status == 0, "\(some.stderr)")
        let selected = Self.rows(some.stdout)
        #expect(selected.count == 2 && selected.allSatisfy { $0["cell"] == "entropy_coef=0.01" && $0["episodes"] == "4" })
    }

    @Test func aJobWithoutAPolicyFailsAndANonResultsFolderIsAUsageError() throws {
        let dir = TemporaryFolder()
        let path = dir.write("exp.yaml", Self.experiment)
        _ = try BinaryRunner.run(["run", path, "--results", dir.url.path, "--no-progress"])
        let folder = dir.url.appendingPathComponent("evaluated")
        let jobs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("jobs").path)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("jobs/\(jobs[0])/policy.json"))
        let outcome = try BinaryRunner.run(["evaluate", folder.path])
        #expect(outcome.status == 1)
        // result.json vouches for the policy, so its absence makes the job damaged.
        #expect(outcome.stderr.contains("job \(jobs[0]): the job is damaged (policy.json is missing)"), "\(outcome.stderr)")
        #expect(Self.rows(outcome.stdout).count == 3)

        let notResults = try BinaryRunner.run(["evaluate", dir.url.path])
        #expect(notResults.status == 64)
    }
}
