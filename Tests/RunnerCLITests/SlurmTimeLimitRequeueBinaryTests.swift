import Foundation
import Testing

/// An array task warned of its time limit (SIGUSR1, as `--signal=B:USR1@60` sends it) requeues
/// itself, resumes its job from the checkpoint, and the sweep ends with a local run's CSVs,
/// byte for byte.
///
/// The warning is sent with `scancel --signal=USR1 --batch` once the task's job has a
/// checkpoint and no result: no real time limit, and nothing waits for a fixed time (every
/// wait is a loop on SLURM's or the folder's state with a hang-catcher).
@Suite(.serialized, .enabled(if: SlurmCluster.shouldRun, "needs a working SLURM (tools/slurm/start.sh)"))
struct SlurmTimeLimitRequeueBinaryTests {
    typealias Sweep = ResumableSlurmSweep

    @Test func aTaskWarnedOfItsTimeLimitRequeuesItselfAndTheSweepFinishes() throws {
        guard SlurmCluster.check() else { return }
        let sweep = try Sweep()
        defer { sweep.cancel() }

        // A job with a checkpoint and no result, and the task that holds its claim: that task
        // has its signal handlers in place and is mid-job.
        var warned: (job: String, task: String)?
        let midJob = Sweep.waitUntil("a job's first checkpoint") {
            let ids = (try? FileManager.default.contentsOfDirectory(atPath: sweep.jobs.path)) ?? []
            for id in ids.sorted() {
                let job = sweep.jobs.appendingPathComponent(id)
                guard FileManager.default.fileExists(atPath: job.appendingPathComponent("checkpoint").path),
                    !FileManager.default.fileExists(atPath: job.appendingPathComponent("result.json").path),
                    let data = try? Data(contentsOf: sweep.folder.appendingPathComponent("claims/\(id)")),
                    let claim = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let task = claim["slurm_job_id"] as? String
                else { continue }
                warned = (id, task)
                return true
            }
            return false
        }
        try #require(midJob)
        let (job, task) = try #require(warned)
        let signal = try Sweep.shell("scancel --signal=USR1 --batch \(task)")
        try #require(signal.status == 0, "scancel --signal=USR1 --batch \(task) failed")

        // The task requeues itself; one that ends instead was not requeued.
        let requeued = try Sweep.startSoonOnceRequeued(task)
        #expect(requeued, "task \(task) ended instead of requeueing itself")
        try #require(requeued)
        let restarts = try Sweep.jobState(task)
        #expect(!restarts.contains(" Restarts=0 "), "\(restarts)")
        try sweep.expectReportJobCompletes()

        // The task's output is opened for appending: the first start's requeue message survives
        // the second start.
        let output = (try? String(
            contentsOf: sweep.folder.appendingPathComponent("slurm/array-\(task).out"), encoding: .utf8)) ?? ""
        #expect(output.contains("requeueing SLURM job \(task)"), "\(output)")

        let results = try sweep.results()
        #expect(results.count == 2)
        #expect(results.values.allSatisfy { $0["status"] as? String == "completed" })
        let signalled = try #require(results[job])
        #expect(signalled["restarts"] as? Int ?? 0 >= 1, "\(signalled)")
        #expect((signalled["resumed_from_steps"] as? [Int] ?? []).contains { $0 > 0 }, "\(signalled)")
        try sweep.expectLocalRunMatches()
    }
}
