import Foundation
import Testing

/// `runner submit slurm` on a real SLURM: the results equal a local run's, byte for byte.
@Suite(.serialized, .enabled(if: SlurmCluster.shouldRun, "needs a working SLURM (tools/slurm/start.sh)"))
struct SlurmClusterBinaryTests {
    @Test func aSubmittedSweepGivesTheSameCSVsAsALocalRun() throws {
        guard SlurmCluster.check() else { return }
        let dir = TemporaryDirectory()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let local = dir.url.appendingPathComponent("local"), cluster = dir.url.appendingPathComponent("on cluster")
        defer { SlurmCluster.cancelRecorded(in: cluster.appendingPathComponent("e2e")) }
        let run = try BinaryRunner.run(["run", config, "--results", local.path, "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")

        let submit = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", cluster.path, "--tasks", "3", "--wait"], in: dir.url, timeout: 1200)
        #expect(submit.status == 0, "\(submit.stdout)\n\(submit.stderr)")
        #expect(submit.stdout.contains("submitted array job"), "\(submit.stdout)")
        #expect(submit.stdout.contains("COMPLETED, exit 0"), "\(submit.stdout)")

        let a = try RunBinaryTests.outputs(local.appendingPathComponent("e2e"))
        let b = try RunBinaryTests.outputs(cluster.appendingPathComponent("e2e"))
        #expect(a.keys.contains("/summary.csv") && a.keys.contains("/jobs.csv"))
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
        // Each of the three tasks ran its own shard of the six jobs.
        let logs = try FileManager.default.contentsOfDirectory(atPath: cluster.appendingPathComponent("e2e/slurm").path)
            .filter { $0.hasPrefix("array-") }
        #expect(logs.count == 3, "\(logs)")
        for log in logs {
            let text = try String(contentsOf: cluster.appendingPathComponent("e2e/slurm/\(log)"), encoding: .utf8)
            #expect(text.contains(": 2 jobs: 2 completed"), "\(log): \(text)")
        }
    }
}
