import Foundation
import Testing

/// Array tasks requeued by SLURM mid-job (`scontrol requeue`, as a preemption does) resume
/// their jobs from the checkpoints, and the sweep ends with a local run's CSVs, byte for byte.
///
/// Nothing waits for a fixed time: the requeue is issued once a job has a checkpoint and no
/// result, and every wait is a loop on SLURM's or the folder's state with a hang-catcher.
@Suite(.serialized, .enabled(if: SlurmCluster.shouldRun, "needs a working SLURM (tools/slurm/start.sh)"))
struct SlurmPreemptionBinaryTests {
    typealias Sweep = ResumableSlurmSweep

    @Test func requeuedTasksResumeFromTheirCheckpoints() throws {
        guard SlurmCluster.check() else { return }
        let sweep = try Sweep()
        defer { sweep.cancel() }

        // A job with a checkpoint and no result: its task is mid-job. Requeue every running task.
        let midJob = Sweep.waitUntil("a job's first checkpoint") {
            let ids = (try? FileManager.default.contentsOfDirectory(atPath: sweep.jobs.path)) ?? []
            return ids.contains {
                FileManager.default.fileExists(atPath: sweep.jobs.appendingPathComponent("\($0)/checkpoint").path)
                    && !FileManager.default.fileExists(atPath: sweep.jobs.appendingPathComponent("\($0)/result.json").path)
            }
        }
        try #require(midJob)
        let running = try Sweep.shell("squeue -h -r -t RUNNING -j \(sweep.arrayId) -o %i").out
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        try #require(!running.isEmpty, "no array task is running")
        for task in running { _ = try Sweep.shell("scontrol requeue \(task)") }
        for task in running { _ = try Sweep.startSoonOnceRequeued(task) }
        try sweep.expectReportJobCompletes()

        let results = try sweep.results()
        #expect(results.values.allSatisfy { $0["status"] as? String == "completed" })
        let resumed = results.values.filter {
            ($0["restarts"] as? Int ?? 0) >= 1 && ($0["resumed_from_steps"] as? [Int] ?? []).contains { $0 > 0 }
        }
        #expect(!resumed.isEmpty, "no job resumed from a checkpoint")
        try sweep.expectLocalRunMatches()
    }
}
