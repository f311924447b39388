import Foundation
import Sweep

/// Carries out `run --requeue-on-usr1` once the sweep has stopped: puts the cluster task that
/// runs it back in the queue when `ClusterRequeue` says so, and says what happened on
/// standard error.
///
/// Called after every job's checkpoint and `result.json` are written and every claim is
/// released, so the requeued task finds its jobs free to resume. SLURM answers a requeue by
/// ending the running task (SIGTERM), which the runner, already stopping, turns into exit
/// 130 at once, so what it says after the call may be cut short. A missing or refusing
/// requeue command leaves the results resumable by submitting again.
enum TaskRequeue {
    static func perform(
        requested: Bool, report: SweepReport,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        backend: any ClusterBackend = SlurmBackend()
    ) {
        let decision = ClusterRequeue.decision(
            requested: requested, report: report, task: backend.currentTask(environment))
        let left = report.interrupted.count + report.notStarted.count
        switch decision {
        case .none:
            return
        case .noJob:
            Console.error("error: --requeue-on-usr1: \(backend.notATask); nothing requeued")
            return
        case .requeue(let task):
            // Said first: the engine may end the task before the command returns.
            Console.error("requeueing \(backend.name) job \(task) (\(left) unfinished job\(left == 1 ? "" : "s")): "
                + backend.requeueCommand(task: task))
            do {
                try backend.requeue(task: task)
            } catch {
                Console.error("error: \(error)")
                return
            }
            Console.error("requeued \(backend.name) job \(task): it resumes its jobs from their checkpoints when it starts again")
        }
    }
}
