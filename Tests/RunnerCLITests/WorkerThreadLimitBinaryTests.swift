import Foundation
import TestSupport
import Testing

/// When the system refuses some of the worker threads asked for, `runner run` says so, runs
/// every job on the threads it got, and finishes.
@Suite struct WorkerThreadLimitBinaryTests {
    /// 600 one-update bandit jobs.
    static let manyTinyJobs = ExperimentFixture.text(
        "one-update", replacing: [("experiment: one-update", "experiment: many"), ("seeds: 2", "seeds: 600")])

    @Test func workersBeyondTheAddressSpaceLimitAreRefusedAndTheSweepFinishes() throws {
        let dir = TemporaryFolder()
        let config = dir.write("many.yaml", Self.manyTinyJobs)
        let results = dir.url.appendingPathComponent("r")
        // 600 stacks of 8 MiB need 4.8 GB: under a 2 GB address-space limit most cannot start.
        let outcome = try BinaryRunner.run(
            ["run", config, "--jobs", "600", "--results", results.path, "--no-progress"], in: dir.url,
            limits: ["-v 2000000"])
        let errors = outcome.stderr
        #expect(!outcome.crashed)
        #expect(outcome.status == 0, "\(errors.suffix(2000))")
        let warnings = errors.split(separator: "\n").filter { $0.hasPrefix("warning: the system refused") }
        #expect(warnings.count == 1, "\(errors.suffix(2000))")
        #expect(warnings.first?.contains(" of 600; the jobs ran on ") == true, "\(warnings)")
        let jobs = results.appendingPathComponent("many/jobs")
        let completed = try FileManager.default.contentsOfDirectory(atPath: jobs.path).filter {
            let result = try? String(contentsOf: jobs.appendingPathComponent("\($0)/result.json"), encoding: .utf8)
            return result?.contains("\"completed\"") == true
        }
        #expect(completed.count == 600)
        #expect(FileManager.default.fileExists(atPath: results.appendingPathComponent("many/summary.csv").path))
    }
}
