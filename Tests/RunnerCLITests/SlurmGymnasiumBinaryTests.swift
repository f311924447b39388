import Foundation
import TestSupport
import Testing

/// A sweep of a Gymnasium environment on the real SLURM, with the Swift toolchain hidden from
/// the tasks: each task's workers run the Python the submission had (`RUNNER_PYTHON`, which
/// `sbatch` passes on to the tasks with the rest of the environment), and the CSVs are a local
/// run's, byte for byte (docs/cluster.md, "What the nodes need").
@Suite(.serialized, .enabled(if: SlurmCluster.shouldRun, "needs a working SLURM (tools/slurm/start.sh)"))
struct SlurmGymnasiumBinaryTests {
    static let sweep = """
        experiment: bridged
        environment: {id: CartPole-v1, backend: gymnasium, num_envs: 4}
        estimator: {name: a2c, n_steps: 5}
        training: {steps: 2000, eval_every: 1000, eval_episodes: 3}
        seeds: 2
        grid:
          optimizer.lr: [0.0007, 0.002]
        """

    @Test func aBridgedSweepOnTasksWithoutTheToolchainGivesALocalRunsCSVs() throws {
        guard SlurmCluster.check(), GymnasiumPython.check() else { return }
        let sweep = try SlurmStagedRunnerBinaryTests.HiddenToolchainSweep("bridged", Self.sweep)
        let (dir, config, local, cluster) = (sweep.dir, sweep.config, sweep.local, sweep.cluster)
        defer { SlurmCluster.cancelRecorded(in: cluster.appendingPathComponent("bridged")) }

        let setup = sweep.setup + ["--setup", "echo \"python: ${RUNNER_PYTHON:-none}\""]
        let submit = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", cluster.path, "--tasks", "2", "--wait"] + setup, in: dir.url,
            timeout: 1800)
        #expect(submit.status == 0, "\(submit.stdout)\n\(submit.stderr)")

        let a = try RunBinaryTests.outputs(local.appendingPathComponent("bridged"))
        let b = try RunBinaryTests.outputs(cluster.appendingPathComponent("bridged"))
        #expect(a.keys.filter { $0.hasSuffix("/curve.csv") }.count == 4)
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
        let slurm = cluster.appendingPathComponent("bridged/slurm")
        let logs = try FileManager.default.contentsOfDirectory(atPath: slurm.path).filter { $0.hasPrefix("array-") }
        #expect(logs.count == 2, "\(logs)")
        for log in logs {
            let text = try String(contentsOf: slurm.appendingPathComponent(log), encoding: .utf8)
            #expect(text.contains("toolchain: 0 entries, swift: none"), "\(log): \(text)")
            #expect(text.contains("python: \(GymnasiumPython.interpreter ?? "?")"), "\(log): \(text)")
            #expect(text.contains(": 2 jobs: 2 completed"), "\(log): \(text)")
        }
    }
}
