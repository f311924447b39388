import Foundation
import PolicyExport
import TestSupport
import Testing

/// What `runner export --format sb3` refuses, each with its message and exit status, before
/// any Python runs; and the statuses of a Python that cannot build the model.
@Suite struct ExportRefusalBinaryTests {
    static let experiment = """
        experiment: refused
        environment: {id: CartPole-v1, num_envs: 2}
        policy: {hidden: [8]}
        estimator: {name: ppo, n_steps: 16, epochs: 1, minibatches: 2}
        baseline: value
        training: {steps: 64, eval_every: 64, eval_episodes: 1}
        seeds: 1
        grid:
          estimator.name: [ppo, reinforce]
          critic.share_trunk: [false, true]

        """

    /// The job folders of a run of `experiment`, by estimator and `critic.share_trunk`.
    static func jobs(in dir: TemporaryFolder) throws -> [String: URL] {
        let run = try BinaryRunner.run(["run", dir.write("exp.yaml", experiment), "--results", dir.url.path, "--no-progress"])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = dir.url.appendingPathComponent("refused/jobs")
        var jobs: [String: URL] = [:]
        for id in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let settings = try JobPolicy.load(folder.appendingPathComponent(id).path).settings
            jobs["\(settings.estimator.name) \(settings.critic.shareTrunk)"] = folder.appendingPathComponent(id)
        }
        return jobs
    }

    static func export(_ path: String, _ extra: [String] = [], output: String = "/nonexistent/model.zip") throws
        -> BinaryRunner.Outcome
    {
        try BinaryRunner.run(["export", path, "--format", "sb3", "--output", output] + extra)
    }

    @Test func whatAnMlpPolicyCannotBeIsRefused() throws {
        let dir = TemporaryFolder()
        let jobs = try Self.jobs(in: dir)
        let exportable = try #require(jobs["ppo false"])
        let shared = try Self.export(try #require(jobs["ppo true"]).path)
        #expect(shared.status == 65 && shared.stderr.contains("shares the policy's trunk"), "\(shared.stderr)")
        let reinforce = try Self.export(try #require(jobs["reinforce false"]).path)
        #expect(reinforce.status == 65 && reinforce.stderr.contains("the estimator reinforce"), "\(reinforce.stderr)")
        // Policy and critic with different activations: MlpPolicy has one activation_fn.
        let relu = dir.url.appendingPathComponent("relu")
        try FileManager.default.copyItem(at: exportable, to: relu)
        let config = relu.appendingPathComponent("config.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let edited = text.replacingOccurrences(
            of: "  activation: tanh\n  share_trunk", with: "  activation: relu\n  share_trunk")
        #expect(edited != text)
        try edited.write(to: config, atomically: true, encoding: .utf8)
        let mixed = try Self.export(relu.path)
        #expect(mixed.status == 65 && mixed.stderr.contains("differs from the critic's (relu)"), "\(mixed.stderr)")
        let noZip = try Self.export(exportable.path, output: dir.url.appendingPathComponent("model").path)
        #expect(noZip.status == 64 && noZip.stderr.contains("must end in .zip"), "\(noZip.stderr)")
        let missing = try Self.export(dir.url.appendingPathComponent("nothing").path)
        #expect(missing.status == 64 && missing.stderr.contains("No such file"), "\(missing.stderr)")

        // A Python that is not there, or that lacks Stable-Baselines3 (exit 3 of the script).
        let absent = try Self.export(exportable.path, ["--python", "/nonexistent/python3"])
        #expect(absent.status == 69 && absent.stderr.contains("/nonexistent/python3"), "\(absent.stderr)")
        let fake = dir.write("python", "#!/bin/sh\necho \"python cannot import torch: No module named 'torch'\" >&2\nexit 3\n")
        #expect(chmod(fake, 0o755) == 0)
        let lacking = try Self.export(exportable.path, ["--python", fake], output: dir.url.appendingPathComponent("m.zip").path)
        #expect(lacking.status == 69 && lacking.stderr.contains("No module named 'torch'")
            && lacking.stderr.contains("setup-venv.sh"), "\(lacking.stderr)")
        let broken = dir.write("broken", "#!/bin/sh\necho boom >&2\nexit 1\n")
        #expect(chmod(broken, 0o755) == 0)
        let failed = try Self.export(exportable.path, ["--python", broken], output: dir.url.appendingPathComponent("m.zip").path)
        #expect(failed.status == 1 && failed.stderr.contains("boom"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("m.zip").path))
    }

    /// A policy.json of format 1 (no critic, no layout) still loads where it did, and export
    /// says why it cannot use it.
    @Test func aFormatOnePolicyStillLoadsButIsNotExported() throws {
        let dir = TemporaryFolder()
        let job = try #require(try Self.jobs(in: dir)["ppo false"])
        let policy = job.appendingPathComponent("policy.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: policy)) as? [String: Any])
        #expect(object["format"] as? Int == 2 && object["critic"] != nil && object["layout"] != nil)
        for key in ["action_head", "action_low", "action_high", "layout", "critic", "normalization_settings"] {
            object.removeValue(forKey: key)
        }
        object["format"] = 1
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: policy)

        let trace = try BinaryRunner.run(["env", "trace", "--policy", job.path, "--episodes", "1", "--seed", "3"])
        #expect(trace.status == 0, "\(trace.stderr)")
        let old = try Self.export(job.path)
        #expect(old.status == 65 && old.stderr.contains("format 1"), "\(old.stderr)")
    }
}
