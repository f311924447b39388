import Foundation
import TestSupport
import Testing

/// `runner submit slurm` on a real SLURM: the results equal a local run's, byte for byte, and
/// `runner status` follows the sweep while it runs.
@Suite(.serialized, .enabled(if: SlurmCluster.shouldRun, "needs a working SLURM (tools/slurm/start.sh)"))
struct SlurmClusterBinaryTests {
    /// 16 fast tabular jobs: 2 cells x 8 seeds.
    static let sweep = RunBinaryTests.sweep.replacingOccurrences(of: "seeds: 3", with: "seeds: 8")

    @Test func aSubmittedSweepGivesTheSameCSVsAsALocalRun() throws {
        guard SlurmCluster.check() else { return }
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", Self.sweep)
        let local = dir.url.appendingPathComponent("local"), cluster = dir.url.appendingPathComponent("on cluster")
        defer { SlurmCluster.cancelRecorded(in: cluster.appendingPathComponent("e2e")) }
        let run = try BinaryRunner.run(["run", config, "--results", local.path, "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")

        let submit = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", cluster.path, "--tasks", "4", "--wait"], in: dir.url, timeout: 1200)
        #expect(submit.status == 0, "\(submit.stdout)\n\(submit.stderr)")
        #expect(submit.stdout.contains("submitted array job"), "\(submit.stdout)")
        #expect(submit.stdout.contains("COMPLETED, exit 0"), "\(submit.stdout)")

        let a = try RunBinaryTests.outputs(local.appendingPathComponent("e2e"))
        let b = try RunBinaryTests.outputs(cluster.appendingPathComponent("e2e"))
        #expect(a.keys.contains("/summary.csv") && a.keys.contains("/jobs.csv"))
        #expect(a.keys.filter { $0.hasSuffix("/curve.csv") }.count == 16)
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
        // Each of the four tasks ran its own shard of the sixteen jobs.
        let logs = try FileManager.default.contentsOfDirectory(atPath: cluster.appendingPathComponent("e2e/slurm").path)
            .filter { $0.hasPrefix("array-") }
        #expect(logs.count == 4, "\(logs)")
        for log in logs {
            let text = try String(contentsOf: cluster.appendingPathComponent("e2e/slurm/\(log)"), encoding: .utf8)
            #expect(text.contains(": 4 jobs: 4 completed"), "\(log): \(text)")
        }
    }

    /// `runner status` while array tasks train: jobs running, with their SLURM owners, and
    /// the right totals; the recorded SLURM jobs are listed.
    @Test func statusReportsRunningJobsMidRun() throws {
        guard SlurmCluster.check() else { return }
        // Two jobs of 2,000,000 Bandit steps: long enough to be seen running.
        let sweep = try ResumableSlurmSweep()
        defer { sweep.cancel() }

        var seen: [String: Any] = [:]
        let running = try ResumableSlurmSweep.waitUntil("runner status to report a running job", limit: 600) {
            let status = try BinaryRunner.run(["status", sweep.folder.path, "--format", "json"], in: sweep.dir.url)
            guard status.status == 0, let object = try? JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any],
                let jobs = object["jobs"] as? [String: Int], (jobs["running"] ?? 0) >= 1
            else { return false }
            seen = object
            return true
        }
        try #require(running)
        let jobs = try #require(seen["jobs"] as? [String: Int])
        #expect(jobs["total"] == 2)
        #expect((jobs["running"] ?? 0) + (jobs["completed"] ?? 0) + (jobs["pending"] ?? 0) == 2, "\(jobs)")
        #expect((seen["steps"] as? [String: Int])?["total"] == 4_000_000)
        let owners = (seen["running"] as? [[String: Any]] ?? []).compactMap { $0["slurm_job_id"] as? String }
        #expect(!owners.isEmpty, "\(seen)")
        let slurm = try #require(seen["slurm"] as? [String: Any])
        #expect(!((slurm["jobs"] as? [Any]) ?? []).isEmpty, "\(slurm)")
    }
}
