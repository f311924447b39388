import Foundation
import Sweep
import TestSupport
import Testing

/// Cluster tasks run the runner and experiment staged at submission: on the real SLURM, with
/// the Swift toolchain hidden from the tasks, a sweep gives a local run's CSVs byte for byte;
/// an edit of the experiment file after submission changes nothing the tasks run.
@Suite(.serialized, .enabled(if: SlurmCluster.shouldRun, "needs a working SLURM (tools/slurm/start.sh)"))
struct SlurmStagedRunnerBinaryTests {
    /// The folder of the Swift toolchain the tests were built with: the `swift` on `PATH`,
    /// links resolved, less `usr/bin/swift`.
    static let toolchain: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let swift = URL(fileURLWithPath: String(folder)).appendingPathComponent("swift")
            guard FileManager.default.isExecutableFile(atPath: swift.path) else { continue }
            return swift.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
        }
        return nil
    }()

    /// `--setup` lines that hide the toolchain `root` from a script: it runs again in a mount
    /// namespace of its own where `empty` (an empty folder) covers `root` (the tasks run as
    /// root on the test cluster, so `unshare` may), with `PATH` reduced to the system's and
    /// `LD_LIBRARY_PATH` unset; then it prints what it sees of the toolchain.
    static func hiding(_ root: URL, behind empty: URL) -> [String] {
        [
            "if [ -z \"$RUNNER_TOOLCHAIN_HIDDEN\" ]; then export RUNNER_TOOLCHAIN_HIDDEN=1; "
                + "exec unshare --mount sh -c 'mount --bind \"$1\" \"$2\" && exec sh \"$3\"' hide "
                + "\(ShellQuote.word(empty.path)) \(ShellQuote.word(root.path)) \"$0\"; fi",
            "PATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH; unset LD_LIBRARY_PATH",
            "echo \"toolchain: $(ls -A \(ShellQuote.word(root.path)) | wc -l) entries, swift: $(command -v swift || echo none)\"",
        ]
    }

    /// An experiment `name` (`text`) in a new folder, run locally into `local`; `cluster` is
    /// where a submission writes, and `setup` the `--setup` arguments that hide the toolchain.
    struct HiddenToolchainSweep {
        let dir = TemporaryFolder()
        let config: String
        let local: URL
        let cluster: URL
        let setup: [String]

        init(_ name: String, _ text: String) throws {
            let root = try #require(SlurmStagedRunnerBinaryTests.toolchain, "no swift on PATH")
            let empty = dir.url.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            config = dir.write("\(name).yaml", text)
            local = dir.url.appendingPathComponent("local")
            cluster = dir.url.appendingPathComponent("cluster")
            setup = SlurmStagedRunnerBinaryTests.hiding(root, behind: empty).flatMap { ["--setup", $0] }
            let run = try BinaryRunner.run(["run", config, "--results", local.path, "--no-progress"], in: dir.url)
            #expect(run.status == 0, "\(run.stderr)")
        }
    }

    @Test func tasksWithoutTheToolchainGiveALocalRunsCSVs() throws {
        guard SlurmCluster.check() else { return }
        let sweep = try HiddenToolchainSweep("e2e", SlurmClusterBinaryTests.sweep)
        let (dir, config, local, cluster, setup) = (sweep.dir, sweep.config, sweep.local, sweep.cluster, sweep.setup)
        defer { SlurmCluster.cancelRecorded(in: cluster.appendingPathComponent("e2e")) }

        // The test's runner is a debug build: submission stages the static build (make static).
        let submit = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", cluster.path, "--wait"] + setup, in: dir.url, timeout: 1800)
        #expect(submit.status == 0, "\(submit.stdout)\n\(submit.stderr)")
        #expect(submit.stdout.contains("staged \(cluster.path)/e2e/cluster/runner"), "\(submit.stdout)")
        // 16 jobs: 4 tasks by default, each with 4 jobs of equal cost.
        #expect(submit.stdout.contains("(4 tasks)"), "\(submit.stdout)")

        let a = try RunBinaryTests.outputs(local.appendingPathComponent("e2e"))
        let b = try RunBinaryTests.outputs(cluster.appendingPathComponent("e2e"))
        #expect(a.keys.filter { $0.hasSuffix("/curve.csv") }.count == 16)
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
        // The staged runner lies outside the checkout: its commit, recorded beside it, is in
        // every shard's manifest.
        let commit = try String(contentsOf: cluster.appendingPathComponent("e2e/cluster/runner.commit"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(commit.count == 40)
        let shards = cluster.appendingPathComponent("e2e/shards")
        for name in try FileManager.default.contentsOfDirectory(atPath: shards.path) {
            let manifest = try String(contentsOf: shards.appendingPathComponent(name), encoding: .utf8)
            #expect(manifest.contains(commit), "\(name): \(manifest)")
        }
        let slurm = cluster.appendingPathComponent("e2e/slurm")
        let logs = try FileManager.default.contentsOfDirectory(atPath: slurm.path).filter { $0.hasSuffix(".out") }
        #expect(logs.count == 5, "\(logs)")
        for log in logs {
            let text = try String(contentsOf: slurm.appendingPathComponent(log), encoding: .utf8)
            #expect(text.contains("toolchain: 0 entries, swift: none"), "\(log): \(text)")
            if log.hasPrefix("array-") { #expect(text.contains(": 4 jobs: 4 completed"), "\(log): \(text)") }
        }
    }

    @Test func anEditAfterSubmissionChangesNothingTheTasksRun() throws {
        guard SlurmCluster.check() else { return }
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let local = dir.url.appendingPathComponent("local"), cluster = dir.url.appendingPathComponent("cluster")
        let folder = cluster.appendingPathComponent("e2e")
        defer { SlurmCluster.cancelRecorded(in: folder) }
        // Held: no task starts before the file is edited.
        let submit = try BinaryRunner.run(
            ["submit", "slurm", config, "--results", cluster.path, "--sbatch-arg=--hold"], in: dir.url, timeout: 1800)
        try #require(submit.status == 0, "\(submit.stdout)\n\(submit.stderr)")
        let edited = RunBinaryTests.sweep.replacingOccurrences(of: "steps: 4000", with: "steps: 2000")
            .replacingOccurrences(of: "seeds: 3", with: "seeds: 1")
        try edited.write(toFile: config, atomically: true, encoding: .utf8)
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("slurm/submissions.json")))
                as? [[String: Any]])
        let arrayId = try #require(records.first?["array_job_id"] as? String)
        let reportId = try #require(records.first?["report_job_id"] as? String)
        let release = try ResumableSlurmSweep.shell("scontrol release \(arrayId) \(reportId)")
        try #require(release.status == 0)
        let ended = try ResumableSlurmSweep.waitUntil("the report job to end", limit: 1200) {
            let text = try ResumableSlurmSweep.jobState(reportId)
            return ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT"].contains { text.contains("JobState=\($0) ") }
        }
        try #require(ended)

        try RunBinaryTests.sweep.write(toFile: config, atomically: true, encoding: .utf8)
        let run = try BinaryRunner.run(["run", config, "--results", local.path, "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        let a = try RunBinaryTests.outputs(local.appendingPathComponent("e2e"))
        let b = try RunBinaryTests.outputs(folder)
        #expect(a.keys.filter { $0.hasSuffix("/curve.csv") }.count == 6)
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
    }
}
