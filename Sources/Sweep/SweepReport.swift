import Foundation
import PolicyGradient

/// What a sweep did. Job lists are job ids in plan order.
package struct SweepReport: Sendable {
    /// A job that did not complete, for the end-of-run table.
    package struct Failure: Sendable, Equatable {
        package var jobId: String
        /// The cell label, e.g. `baseline=value,entropy_coef=0.01`.
        package var cell: String
        package var seed: Int
        /// `diverged` or `failed`.
        package var status: JobStatus
        package var error: String?
        /// The step the job reached.
        package var step: Int
        /// True for a diverged job whose stored result was reused rather than recomputed.
        package var cached: Bool
    }

    /// The experiment's results folder, `resultsRoot/<name>/`.
    package var directory: URL
    /// The jobs selected by `only` (all of the plan's jobs without it).
    package var selected: [String] = []
    /// Jobs run to completion in this run.
    package var completed: [String] = []
    /// Jobs this run trained on from a shorter run's state (`JobLineage`), with that step.
    package var continued: [(jobId: String, fromStep: Int)] = []
    /// What the results folder held compared with the experiment (`FolderAdmission`).
    package var admission: FolderAdmission.Verdict?
    /// Jobs whose stored completed or diverged result was reused.
    package var skipped: [String] = []
    /// Jobs run in this run that diverged.
    package var diverged: [String] = []
    /// Jobs run in this run that failed (threw, or could not write their files).
    package var failed: [String] = []
    /// Jobs stopped while running.
    package var interrupted: [String] = []
    /// Jobs that never started because the sweep was stopped.
    package var notStarted: [String] = []
    /// Jobs left to other runners that held their claims and had not finished them when this
    /// run ended.
    package var claimedElsewhere: [String] = []
    /// The owner of one of those claims, for messages (`host h, pid p`).
    package var claimOwner: String?
    /// The report was built (under the report claim).
    package var reportBuilt = false
    /// What the user should hear about files that were not believed or not written: a damaged
    /// job redone, a checkpoint not used or not saved. In plan order, without `warning: `.
    package var warnings: [String] = []
    /// Diverged and failed jobs, cached diverged ones included, in plan order.
    package var failures: [Failure] = []
    /// A stop was requested (SIGINT, SIGTERM, SIGUSR1 or `StopFlag`) during the run.
    package var wasInterrupted = false
    /// The signal that stopped the sweep (SIGINT, SIGTERM or SIGUSR1: the first one received
    /// while `SweepOptions.handleSignals` had the handlers installed); nil when none came, or
    /// when the caller stopped it through `StopFlag`.
    package var stopSignal: Int32?
    /// Worker threads the sweep asked for: `jobs`, or the number of jobs to run when smaller.
    package var workersRequested = 0
    /// Worker threads the system let the sweep start (it stops asking at the first refusal).
    /// With none, the jobs ran one at a time on the calling thread.
    package var workersStarted = 0
    /// Worker threads that ran jobs: all that started, or after a refusal at most one per core.
    package var workersUsed = 0

    /// What to tell the user when the system refused a worker thread, else nil.
    package var workerShortfall: String? {
        guard workersStarted < workersRequested else { return nil }
        if workersStarted == 0 {
            return "the system refused all \(workersRequested) worker threads; the jobs ran one at a time"
        }
        return "the system refused worker thread \(workersStarted + 1) of \(workersRequested); the jobs ran on "
            + "\(workersUsed) of the \(workersStarted) that started, leaving the memory of the others to the jobs"
    }
}
