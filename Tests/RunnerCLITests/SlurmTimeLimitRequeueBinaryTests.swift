import Foundation
import TestSupport
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
    typealias Preemption = SlurmPreemptionBinaryTests

    @Test func aTaskWarnedOfItsTimeLimitRequeuesItselfAndTheSweepFinishes() throws {
        guard SlurmCluster.check() else { return }
        let dir = TemporaryFolder()
        let config = dir.write("resumable.yaml", Preemption.config)
        let local = dir.url.appendingPathComponent("local"), cluster = dir.url.appendingPathComponent("cluster")
        let folder = cluster.appendingPathComponent("resumable"), jobs = folder.appendingPathComponent("jobs")
        defer { SlurmCluster.cancelRecorded(in: folder) }

        let submit = try BinaryRunner.run(["submit", "slurm", config, "--results", cluster.path, "--tasks", "2"], in: dir.url)
        try #require(submit.status == 0, "\(submit.stdout)\n\(submit.stderr)")
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("slurm/submissions.json")))
                as? [[String: Any]])
        let reportId = try #require(records.first?["report_job_id"] as? String)

        // A job with a checkpoint and no result, and the task that holds its claim: that task
        // has its signal handlers in place and is mid-job.
        var warned: (job: String, task: String)?
        let midJob = Preemption.waitUntil("a job's first checkpoint") {
            let ids = (try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []
            for id in ids.sorted() {
                let job = jobs.appendingPathComponent(id)
                guard FileManager.default.fileExists(atPath: job.appendingPathComponent("checkpoint").path),
                    !FileManager.default.fileExists(atPath: job.appendingPathComponent("result.json").path),
                    let data = try? Data(contentsOf: folder.appendingPathComponent("claims/\(id)")),
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
        let signal = try Preemption.shell("scancel --signal=USR1 --batch \(task)")
        try #require(signal.status == 0, "scancel --signal=USR1 --batch \(task) failed")

        // The task requeues itself: it goes back to PENDING (Reason=BeginTime, about 2 minutes);
        // let it start in 10 s instead (not at once: see SlurmPreemptionBinaryTests). A task that
        // ends instead was not requeued.
        var requeued = false
        _ = try Preemption.waitUntil("task \(task) to be requeued or to end", limit: 300) {
            let text = try Preemption.shell("scontrol show job -o \(task)").out
            if text.contains("JobState=PENDING ") {
                _ = try Preemption.shell("scontrol update JobId=\(task) StartTime=now+10")
                requeued = true
                return true
            }
            if text.contains("JobState=RUNNING ") && !text.contains(" Restarts=0 ") {
                requeued = true
                return true
            }
            return ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT"].contains { text.contains("JobState=\($0) ") }
        }
        #expect(requeued, "task \(task) ended instead of requeueing itself")
        try #require(requeued)
        let restarts = try Preemption.shell("scontrol show job -o \(task)").out
        #expect(!restarts.contains(" Restarts=0 "), "\(restarts)")

        let ended = try Preemption.waitUntil("the report job to end", limit: 1200) {
            let text = try Preemption.shell("scontrol show job -o \(reportId)").out
            return ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT"].contains { text.contains("JobState=\($0) ") }
        }
        try #require(ended)
        let report = try Preemption.shell("scontrol show job -o \(reportId)").out
        #expect(report.contains("JobState=COMPLETED ") && report.contains("ExitCode=0:0"), "\(report)")

        // The task's output is opened for appending: the first start's requeue message survives
        // the second start.
        let output = (try? String(
            contentsOf: folder.appendingPathComponent("slurm/array-\(task).out"), encoding: .utf8)) ?? ""
        #expect(output.contains("requeueing SLURM job \(task)"), "\(output)")

        #expect(RunBinaryTests.jobs(in: jobs).count == 2)
        for id in RunBinaryTests.jobs(in: jobs) {
            let data = try Data(contentsOf: jobs.appendingPathComponent("\(id)/result.json"))
            let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(result["status"] as? String == "completed")
            if id == job {
                #expect(result["restarts"] as? Int ?? 0 >= 1, "\(result)")
                let steps = result["resumed_from_steps"] as? [Int] ?? []
                #expect(steps.contains { $0 > 0 }, "\(result)")
            }
        }

        let run = try BinaryRunner.run(["run", config, "--results", local.path, "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        let a = try RunBinaryTests.outputs(local.appendingPathComponent("resumable"))
        let b = try RunBinaryTests.outputs(folder)
        #expect(a.keys.contains("/summary.csv") && a.keys.contains("/jobs.csv"))
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
    }
}
