import Foundation

/// Whether a run that stopped puts its cluster task back in the queue (`run --requeue-on-usr1`).
///
/// A scheduler requeues a task that it stops itself (preemption, `scontrol requeue`), never
/// one that ends by itself. At the time-limit warning (SIGUSR1, `--signal=B:USR1@60` on
/// SLURM) the runner checkpoints and ends, so the task asks for its own requeue: the next
/// start resumes its unfinished jobs from their checkpoints. SIGTERM and SIGINT (`scancel`, a
/// user's Ctrl-C) mean "stop", never "again". A pure function of its inputs.
package enum ClusterRequeue: Equatable, Sendable {
    /// Nothing to requeue: not asked, not stopped by SIGUSR1, or no job left unfinished.
    case none
    /// Requeue the running task `task` (for SLURM `81234_7`, or the job id outside an array).
    case requeue(task: String)
    /// A requeue is due, but the environment names no task (not run by the engine).
    case noJob

    /// What a run does once it has stopped.
    ///
    /// - Parameters:
    ///   - requested: `--requeue-on-usr1` was given.
    ///   - stopSignal: the signal that stopped the run (`SweepReport.stopSignal`).
    ///   - unfinished: jobs of this run left unfinished (interrupted or not started).
    ///   - task: the task this process runs as (`ClusterBackend.currentTask`), nil outside one.
    package static func decision(requested: Bool, stopSignal: Int32?, unfinished: Int, task: String?) -> ClusterRequeue {
        guard requested, stopSignal == SIGUSR1, unfinished > 0 else { return .none }
        guard let task else { return .noJob }
        return .requeue(task: task)
    }

    /// The decision for a finished sweep: its unfinished jobs are the interrupted ones and
    /// those that never started (failed jobs would fail again: they do not count).
    package static func decision(requested: Bool, report: SweepReport, task: String?) -> ClusterRequeue {
        decision(
            requested: requested, stopSignal: report.stopSignal,
            unfinished: report.interrupted.count + report.notStarted.count, task: task)
    }
}
