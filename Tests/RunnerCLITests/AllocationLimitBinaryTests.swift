import Experiment
import Foundation
import PolicyGradient
import TestSupport
import Testing

/// A job too large to allocate is refused by validation (exit 2) with its size; one that passes
/// validation but still cannot get its memory ends `failed` with a message while the sweep goes on.
@Suite struct AllocationLimitBinaryTests {
    @Test func hugeHiddenLayersAreRefusedWithTheirSize() throws {
        let dir = TemporaryFolder()
        let path = dir.write("a2c.yaml", """
            experiment: huge
            environment: {id: CartPole-v1}
            estimator: {name: a2c}
            training: {steps: 1000}
            policy:
              activation: tanh
              hidden: [65536, 65536]

            """)
        for command in ["validate", "plan", "run"] {
            let extra = command == "run" ? ["--results", dir.url.appendingPathComponent("r").path] : []
            let outcome = try BinaryRunner.run([command, path] + extra, in: dir.url)
            #expect(!outcome.crashed, "\(command): \(outcome.stderr)")
            #expect(outcome.status == 2, "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.contains("a2c.yaml:7:11: error: policy.hidden: this job would allocate about "),
                    "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.contains("limit 8 GiB"), "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.contains("  hidden: [65536, 65536]\n          ^"), "\(command): \(outcome.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("r").path))
    }

    @Test func aTerabyteBatchIsRefusedAtItsLargerFactor() throws {
        let dir = TemporaryFolder()
        let path = dir.write("batch.yaml", """
            experiment: batch
            environment: {id: CartPole-v1, num_envs: 65536}
            estimator: {name: a2c, n_steps: 1000000}
            training: {steps: 100000000000}

            """)
        let outcome = try BinaryRunner.run(["validate", path])
        #expect(!outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("batch.yaml:3:33: error: estimator.n_steps: this job would allocate about "),
                "\(outcome.stderr)")
        #expect(outcome.stderr.contains(" TB (limit 8 GiB"), "\(outcome.stderr)")
    }

    /// Under an address-space limit of 1.5 GB, a job of about 4.6 GB (within the validation
    /// limit) cannot get its memory: it fails with the size and the reason, and the next job
    /// of the sweep still completes.
    @Test func aJobThatCannotAllocateFailsAndTheSweepGoesOn() throws {
        let dir = TemporaryFolder()
        let path = dir.write("alloc.yaml", """
            experiment: alloc
            environment: {id: CartPole-v1}
            policy: {init: zeros}
            estimator: {name: a2c}
            training: {steps: 10, eval_episodes: 1}
            grid:
              policy.hidden: [[12000, 12000], [8]]

            """)
        let results = dir.url.appendingPathComponent("results")
        let outcome = try BinaryRunner.run(
            ["run", path, "--jobs", "1", "--results", results.path, "--no-progress"], limits: ["-v 1500000"])
        #expect(!outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("jobs: 2 planned, 1 failed"), "\(outcome.stdout)")
        let jobs = results.appendingPathComponent("alloc/jobs")
        let statuses = try FileManager.default.contentsOfDirectory(atPath: jobs.path).compactMap { id -> String? in
            let data = try Data(contentsOf: jobs.appendingPathComponent(id).appendingPathComponent("result.json"))
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return "\(object?["status"] ?? "") \(object?["error"] ?? "")"
        }.sorted()
        #expect(statuses.count == 2, "\(statuses)")
        #expect(statuses.first?.hasPrefix("completed") == true, "\(statuses)")
        // The message names the estimate the library makes for that job (its parts are
        // tested in MemoryFootprintTests), not a number copied here.
        let plan = try ExperimentLoader().load(path: path)
        let large = try #require(plan.jobs.first { plan.cells[$0.cellIndex].label.contains("12000") })
        let bytes = try MemoryFootprint(settings: large.config.trainerSettings()).total
        #expect(bytes > 4_000_000_000)
        let expected = "failed cannot allocate \(bytes) bytes (about \(MemoryFootprint.describe(bytes)))"
        #expect(statuses.last?.hasPrefix(expected) == true, "\(statuses)")
    }
}
