import Foundation
import Results

extension SweepStatus {
    /// The status as an aligned table for people:
    ///
    ///     experiment toy: 8 jobs, steps 3000 of 8000 (37.5%)
    ///       completed  3
    ///       running    1
    ///       ...
    ///     running jobs:
    ///       3f2a…  host node1, pid 4242  heartbeat 12 s ago  checkpoint step 500  evaluation 187.4 at step 500
    package func table(slurm: ClusterQueueReport?) -> String {
        let percent = stepsTotal > 0 ? Double(stepsDone) / Double(stepsTotal) * 100 : 0
        var lines = ["experiment \(experiment): \(total) jobs, steps \(stepsDone) of \(stepsTotal) (\(String(format: "%.1f", percent))%)"]
        for (name, count) in [("completed", completed), ("running", running.count), ("failed", failed),
                              ("diverged", diverged), ("pending", pending)] {
            lines.append("  " + name.padding(toLength: 10, withPad: " ", startingAt: 0) + " \(count)")
        }
        if !running.isEmpty {
            lines.append("running jobs:")
            for job in running {
                let step = job.checkpointStep.map { "checkpoint step \($0)" } ?? "no checkpoint yet"
                let evaluation = job.lastEvaluation.map { "  evaluation \(csvNumber($0.mean)) at step \($0.step)" } ?? ""
                lines.append("  \(job.jobId)  \(job.owner.owner)  heartbeat \(job.heartbeatAge) s ago  \(step)\(evaluation)")
            }
        }
        if !staleClaims.isEmpty {
            lines.append("stale claims (owner gone or silent; counted as pending): " + staleClaims.joined(separator: ", "))
        }
        if let slurm {
            lines.append("slurm:")
            for entry in slurm.entries { lines.append("  \(entry.id) \(entry.state)") }
            if let note = slurm.note { lines.append("  (\(note))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The status as pretty JSON with sorted keys (docs/cluster.md, "Watching a sweep").
    package func json(slurm: ClusterQueueReport?) -> String {
        PrettyJSON.text(Document(self, slurm: slurm))
    }

    /// The JSON document: every key always present, absent values as null.
    private struct Document: Encodable {
        struct Counts: Encodable { var total, completed, running, failed, diverged, pending: Int }
        struct Steps: Encodable { var done, total: Int }
        struct Queue: Encodable {
            struct Entry: Encodable { var id, state: String }
            var jobs: [Entry]
            var note: String?

            func encode(to encoder: any Encoder) throws {
                enum Key: String, CodingKey { case jobs, note }
                var c = encoder.container(keyedBy: Key.self)
                try c.encode(jobs, forKey: .jobs)
                try c.encode(note, forKey: .note)
            }
        }
        struct Job: Encodable {
            var running: SweepStatus.Running

            func encode(to encoder: any Encoder) throws {
                enum Key: String, CodingKey {
                    case jobId = "job_id", host, pid, slurmJobId = "slurm_job_id"
                    case heartbeatAge = "heartbeat_age_seconds", checkpointStep = "checkpoint_step"
                    case evaluationStep = "last_evaluation_step", evaluationMean = "last_evaluation_return"
                }
                var c = encoder.container(keyedBy: Key.self)
                try c.encode(running.jobId, forKey: .jobId)
                try c.encode(running.owner.host, forKey: .host)
                try c.encode(running.owner.pid, forKey: .pid)
                try c.encode(running.owner.slurmJobId, forKey: .slurmJobId)
                try c.encode(running.heartbeatAge, forKey: .heartbeatAge)
                try c.encode(running.checkpointStep, forKey: .checkpointStep)
                try c.encode(running.lastEvaluation?.step, forKey: .evaluationStep)
                try c.encode(running.lastEvaluation.map { csvNumber($0.mean) }, forKey: .evaluationMean)
            }
        }

        var status: SweepStatus
        var slurm: ClusterQueueReport?

        init(_ status: SweepStatus, slurm: ClusterQueueReport?) {
            self.status = status
            self.slurm = slurm
        }

        func encode(to encoder: any Encoder) throws {
            enum Key: String, CodingKey { case experiment, jobs, steps, running, staleClaims = "stale_claims", slurm }
            let s = status
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(s.experiment, forKey: .experiment)
            try c.encode(
                Counts(total: s.total, completed: s.completed, running: s.running.count, failed: s.failed,
                       diverged: s.diverged, pending: s.pending), forKey: .jobs)
            try c.encode(Steps(done: s.stepsDone, total: s.stepsTotal), forKey: .steps)
            try c.encode(s.running.map(Job.init), forKey: .running)
            try c.encode(s.staleClaims, forKey: .staleClaims)
            try c.encode(slurm.map { Queue(jobs: $0.entries.map { .init(id: $0.id, state: $0.state) }, note: $0.note) }, forKey: .slurm)
        }
    }
}
