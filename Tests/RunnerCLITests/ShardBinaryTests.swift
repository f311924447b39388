import Foundation
import TestSupport
import Testing

/// `runner run --shard I/N --no-report` through the built binary.
@Suite struct ShardBinaryTests {
    /// Two shards into one folder, then `runner report`: the same CSVs, plot data and job
    /// files, byte for byte, as one unsharded run.
    @Test func twoShardsThenReportMatchOneRun() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        let whole = dir.url.appendingPathComponent("whole"), sharded = dir.url.appendingPathComponent("sharded")
        let single = try BinaryRunner.run(["run", config, "--results", whole.path, "--no-progress"], in: dir.url)
        #expect(single.status == 0, "\(single.stderr)")
        var shardIds: [[String]] = []
        for index in [1, 0] {
            let outcome = try BinaryRunner.run(
                ["run", config, "--results", sharded.path, "--shard", "\(index)/2", "--no-report", "--no-progress"],
                in: dir.url)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("shard \(index)/2: 3 jobs: 3 completed"), "\(outcome.stdout)")
            #expect(outcome.stdout.contains("runner report"))
            shardIds.append(RunBinaryTests.jobs(in: sharded.appendingPathComponent("e2e/jobs")))
        }
        // No summaries until the report: only job folders.
        #expect(!FileManager.default.fileExists(atPath: sharded.appendingPathComponent("e2e/summary.csv").path))
        #expect(shardIds[0].count == 3 && shardIds[1].count == 6)
        let report = try BinaryRunner.run(["report", sharded.appendingPathComponent("e2e").path], in: dir.url)
        #expect(report.status == 0, "\(report.stderr)")
        let a = try RunBinaryTests.outputs(whole.appendingPathComponent("e2e"))
        let b = try RunBinaryTests.outputs(sharded.appendingPathComponent("e2e"))
        #expect(a.keys.contains("/summary.csv") && a.keys.contains("/jobs.csv"))
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
    }

    @Test func aMalformedShardIsAUsageError() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", RunBinaryTests.sweep)
        for bad in ["2/2", "x", "1/0", "-1/3"] {
            let outcome = try BinaryRunner.run(["run", config, "--shard", bad, "--results", dir.url.path], in: dir.url)
            #expect(outcome.status == 64, "\(bad): \(outcome.stderr)")
            #expect(outcome.stderr.contains("--shard expects I/N"), "\(bad): \(outcome.stderr)")
            #expect(outcome.stderr.contains("got '\(bad)'"), "\(bad): \(outcome.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("e2e").path))
    }
}
