import Foundation
import TestSupport
import Testing

/// `runner env trace ID --policy jobs/<id>/policy.json`: the trained agent's episodes, replayed
/// through the environment's own trace; one episode's return is what `runner evaluate` measures
/// for one episode with the same seed.
@Suite struct PolicyTraceBinaryTests {
    @Test func aTracedEpisodeReturnsWhatEvaluationMeasures() throws {
        let dir = TemporaryFolder()
        let path = dir.write("exp.yaml", EvaluateBinaryTests.experiment)
        let run = try BinaryRunner.run(["run", path, "--results", dir.url.path, "--no-progress"])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = dir.url.appendingPathComponent("evaluated")
        let job = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("jobs").path).sorted().first)
        let policy = folder.appendingPathComponent("jobs/\(job)/policy.json").path

        let trace = try BinaryRunner.run(["env", "trace", "CartPole-v1", "--policy", policy, "--episodes", "2", "--seed", "4"])
        #expect(trace.status == 0, "\(trace.stderr)")
        let segments = trace.stdout.components(separatedBy: "# episode ").dropFirst()
        #expect(segments.count == 2)
        var returns: [Double] = []
        for segment in segments {
            let rows = segment.split(separator: "\n").dropFirst(2).map { $0.split(separator: ",") }
            let last = try #require(rows.last)
            #expect(last[3] == "true" || last[4] == "true", "an episode ends terminated or truncated")
            returns.append(rows.reduce(0) { $0 + Double($1[2])! })
        }

        let evaluate = try BinaryRunner.run(
            ["evaluate", folder.path, "--episodes", "1", "--seed", "4"])
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
        let row = try #require(EvaluateBinaryTests.rows(evaluate.stdout).first { $0["job_id"] == job })
        #expect(Double(row["mean"]!) == returns[0], "\(row) vs \(returns)")

        // The job's folder stands for its policy, and the id may be left to the policy.
        let byFolder = try BinaryRunner.run(
            ["env", "trace", "--policy", folder.appendingPathComponent("jobs/\(job)").path, "--episodes", "2", "--seed", "4"])
        #expect(byFolder.status == 0 && byFolder.stdout == trace.stdout, "\(byFolder.stderr)")
        let noId = try BinaryRunner.run(["env", "trace", "--state", "0,0,0,0", "--actions", "0"])
        #expect(noId.status == 64 && noId.stderr.contains("give an environment id, or --policy"), "\(noId.stderr)")

        let wrong = try BinaryRunner.run(["env", "trace", "Acrobot-v1", "--policy", policy])
        #expect(wrong.status == 64 && wrong.stderr.contains("was trained on CartPole-v1"), "\(wrong.stderr)")
        let both = try BinaryRunner.run(["env", "trace", "CartPole-v1", "--policy", policy, "--actions", "0"])
        #expect(both.status == 64)
    }

    /// A policy that does not decode, or a FIFO in its place, is named with the reason in words.
    @Test func anUnreadablePolicyIsNamedWithTheReason() throws {
        let dir = TemporaryFolder()
        let wrong = dir.write("policy.json", #"{"format": 1, "environment": 3}"#)
        var outcome = try BinaryRunner.run(["env", "trace", "CartPole-v1", "--policy", wrong], in: dir.url)
        #expect(outcome.status == 64 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(wrong): cannot read the saved policy: at environment: expected a string"),
                "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("typeMismatch") && !outcome.stderr.contains("Context("), "\(outcome.stderr)")

        let fifo = dir.url.appendingPathComponent("fifo.json").path
        #expect(mkfifo(fifo, 0o644) == 0)
        outcome = try BinaryRunner.run(["env", "trace", "CartPole-v1", "--policy", fifo], in: dir.url, timeout: 120)
        #expect(outcome.status == 64 && outcome.stderr.contains("\(fifo): cannot read: it is a FIFO, not a regular file"),
                "\(outcome.stderr)")
    }
}
