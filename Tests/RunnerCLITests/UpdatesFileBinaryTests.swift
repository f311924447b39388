import Foundation
import TestSupport
import Testing

/// `jobs/<id>/updates.csv` through the built binary: its header, one row per update (or per
/// `log_every` updates), the same bytes whatever `--jobs`, and recorded in `result.json`.
@Suite struct UpdatesFileBinaryTests {
    /// PPO on CartPole, 2 copies × 64 steps a batch: 1024 steps are 8 updates of 4 epochs.
    static let config = """
        experiment: updates
        environment: {id: CartPole-v1, num_envs: 2}
        estimator: {name: ppo, n_steps: 64, epochs: 4, minibatches: 4, target_kl: 0.01}
        policy: {hidden: [16]}
        critic: {hidden: [16]}
        training: {steps: 1024, eval_every: 512, eval_episodes: 2}
        grid:
          training.log_every: [1, 3]
        seeds: 2

        """

    static let header =
        "step,n_updates,learning_rate,clip_range,entropy_loss,policy_gradient_loss,value_loss,loss,approx_kl,"
        + "clip_fraction,explained_variance,std,grad_norm,stopped_epoch,ep_rew_mean,ep_len_mean"

    /// Every `updates.csv` under `root`, by job id.
    static func updateFiles(_ root: URL) throws -> [String: String] {
        let jobs = root.appendingPathComponent("updates/jobs")
        var files: [String: String] = [:]
        for id in try FileManager.default.contentsOfDirectory(atPath: jobs.path) {
            files[id] = try String(contentsOf: jobs.appendingPathComponent("\(id)/updates.csv"), encoding: .utf8)
        }
        return files
    }

    @Test func aPPORunWritesOneRowPerUpdateTheSameWithOneOrTwoWorkers() throws {
        let dir = TemporaryFolder()
        let config = dir.write("updates.yaml", Self.config)
        var runs: [[String: String]] = []
        for workers in ["1", "2"] {
            let results = dir.url.appendingPathComponent("r\(workers)")
            let outcome = try BinaryRunner.run(
                ["run", config, "--jobs", workers, "--results", results.path, "--no-progress"], in: dir.url)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            runs.append(try Self.updateFiles(results))
        }
        #expect(runs[0].count == 4)
        #expect(runs[0] == runs[1])

        var rowCounts: [Int] = []
        for (id, text) in runs[0] {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map(String.init) == Self.header)
            #expect(lines.last == "", "the file ends with a newline")
            let rows = lines.dropFirst().dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            rowCounts.append(rows.count)
            let steps = rows.map { Int($0[0]) }
            // Every row has all 16 columns; a discrete head has no σ.
            #expect(rows.allSatisfy { $0.count == 16 && $0[11].isEmpty }, "\(id)")
            if rows.count == 8 {
                #expect(steps == (1...8).map { $0 * 128 }, "\(id)")
            } else {
                #expect(steps == [384, 768], "\(id): every third update")
            }
            // n_updates counts the epochs begun: 4 a batch unless target_kl stopped one.
            let passes = rows.compactMap { Int($0[1]) }
            #expect(zip(passes, passes.dropFirst()).allSatisfy { $0 < $1 }, "\(id)")
            #expect(passes.last.map { $0 <= 32 && $0 > 8 } ?? false, "\(id)")
            let result = try String(
                contentsOf: dir.url.appendingPathComponent("r1/updates/jobs/\(id)/result.json"), encoding: .utf8)
            #expect(result.contains("\"updates.csv\""), "result.json records the file's checksum")
        }
        #expect(rowCounts.sorted() == [2, 2, 8, 8])
    }
}
