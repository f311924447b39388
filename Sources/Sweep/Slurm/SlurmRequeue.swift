import Foundation

/// Whether a run that stopped puts its SLURM job back in the queue (`run --requeue-on-usr1`),
/// and the `scontrol` command line that does it.
///
/// SLURM requeues a task that it stops itself (preemption, `scontrol requeue`), never one
/// that ends by itself. At the time-limit warning (SIGUSR1, `--signal=B:USR1@60`) the runner
/// checkpoints and ends, so the task asks for its own requeue: the next start resumes its
/// unfinished jobs from their checkpoints. SIGTERM and SIGINT (`scancel`, a user's Ctrl-C)
/// mean "stop", never "again". A pure function of its inputs.
public enum SlurmRequeue: Equatable, Sendable {
    /// Nothing to requeue: not asked, not stopped by SIGUSR1, or no job left unfinished.
    case none
    /// Requeue the SLURM job `task` (`SLURM_ARRAY_JOB_ID_SLURM_ARRAY_TASK_ID`, or
    /// `SLURM_JOB_ID` outside an array) with `scontrol requeue task`.
    case requeue(task: String)
    /// A requeue is due, but the environment names no SLURM job (not run by SLURM).
    case noJob

    /// What a run does once it has stopped.
    ///
    /// - Parameters:
    ///   - requested: `--requeue-on-usr1` was given.
    ///   - stopSignal: the signal that stopped the run (`SweepReport.stopSignal`).
    ///   - unfinished: jobs of this run left unfinished (interrupted or not started).
    ///   - environment: the process's environment, where SLURM names the job.
    public static func decision(
        requested: Bool, stopSignal: Int32?, unfinished: Int, environment: [String: String]
    ) -> SlurmRequeue {
        guard requested, stopSignal == SIGUSR1, unfinished > 0 else { return .none }
        guard let task = ClaimPolicy.slurmJobId(environment) else { return .noJob }
        return .requeue(task: task)
    }

    /// The decision for a finished sweep: its unfinished jobs are the interrupted ones and
    /// those that never started (failed jobs would fail again: they do not count).
    public static func decision(
        requested: Bool, report: SweepReport, environment: [String: String]
    ) -> SlurmRequeue {
        decision(
            requested: requested, stopSignal: report.stopSignal,
            unfinished: report.interrupted.count + report.notStarted.count, environment: environment)
    }

    /// The arguments of `scontrol` for `.requeue`; nil otherwise.
    public var scontrolArguments: [String]? {
        guard case .requeue(let task) = self else { return nil }
        return ["requeue", task]
    }
}
