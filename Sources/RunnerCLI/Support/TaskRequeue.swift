import Foundation
import Sweep

/// Carries out `run --requeue-on-usr1` once the sweep has stopped: puts the SLURM job that
/// runs it back in the queue when `SlurmRequeue` says so, and says what happened on standard
/// error.
///
/// Called after every job's checkpoint and `result.json` are written and every claim is
/// released, so the requeued task finds its jobs free to resume. SLURM answers a requeue by
/// ending the running task (SIGTERM), which the runner, already stopping, turns into exit
/// 130 at once, so what it says after the call may be cut short. A missing or refusing
/// `scontrol` leaves the results resumable by submitting again.
enum TaskRequeue {
    static func perform(
        requested: Bool, report: SweepReport,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        let decision = SlurmRequeue.decision(requested: requested, report: report, environment: environment)
        let left = report.interrupted.count + report.notStarted.count
        switch decision {
        case .none:
            return
        case .noJob:
            Console.error("error: --requeue-on-usr1: SLURM_JOB_ID is not set (not a SLURM job); nothing requeued")
            return
        case .requeue(let task):
            // Said first: SLURM may end the task before scontrol returns.
            Console.error("requeueing SLURM job \(task) (\(left) unfinished job\(left == 1 ? "" : "s")): scontrol requeue \(task)")
            let outcome: SlurmClient.Outcome?
            do {
                outcome = try SlurmClient.run("scontrol", decision.scontrolArguments ?? [])
            } catch {
                Console.error("error: scontrol could not be started: \(error); SLURM job \(task) was not requeued;"
                    + " submit again to resume")
                return
            }
            guard let outcome else {
                Console.error("error: scontrol not found on PATH: SLURM job \(task) was not requeued; submit again to resume")
                return
            }
            guard outcome.status == 0 else {
                let said = (outcome.stderr + outcome.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
                Console.error("error: scontrol requeue \(task) failed (exit \(outcome.status))"
                    + (said.isEmpty ? "" : ": \(said)") + "; submit again to resume")
                return
            }
            Console.error("requeued SLURM job \(task): it resumes its jobs from their checkpoints when it starts again")
        }
    }
}
