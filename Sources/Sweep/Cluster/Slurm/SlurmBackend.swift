import Foundation
import Results

/// SLURM as a `ClusterBackend`: `sbatch` submits, `scontrol` reads the configuration and job
/// states and requeues, `squeue` lists the queue, `scancel` cancels.
///
/// Each command runs as a child process found on `PATH` (`ChildProcess`: standard input
/// from `/dev/null`, both outputs read to the end, so a command printing a lot never blocks).
package struct SlurmBackend: ClusterBackend {
    package init() {}

    package var name: String { "SLURM" }

    /// Said when sbatch is missing, before anything is written or when submitting.
    private static let noSbatch = "sbatch not found on PATH: runner submit slurm needs SLURM's client commands"

    package func unavailable() -> String? {
        ExecutableSearch.onPath("sbatch") == nil ? Self.noSbatch : nil
    }

    /// `MaxArraySize` from `scontrol show config`, when scontrol is there and answers.
    package func maxArraySize() -> Int? {
        guard let outcome = try? Self.run("scontrol", ["show", "config"]), outcome.status == 0 else { return nil }
        return SlurmOutput.parseMaxArraySize(outcome.stdout)
    }

    package func problems(_ settings: ClusterSettings) -> [String] { SlurmScripts.problems(settings) }

    package func folder(_ experiment: ExperimentFolder) -> URL { experiment.slurm }

    package func scripts(_ settings: ClusterSettings) -> (array: ClusterScript, report: ClusterScript) {
        (ClusterScript(name: "array.sbatch", text: SlurmScripts.arrayScript(settings)),
         ClusterScript(name: "report.sbatch", text: SlurmScripts.reportScript(settings)))
    }

    package func arraySubmission(_ settings: ClusterSettings, script: String) -> [String] {
        ["sbatch"] + SlurmScripts.arraySubmission(settings, script: script)
    }

    package func reportSubmission(_ settings: ClusterSettings, arrayJobId: String, script: String) -> [String] {
        ["sbatch"] + SlurmScripts.reportSubmission(settings, arrayJobId: arrayJobId, script: script)
    }

    /// `sbatch ARGUMENTS`; the job id it prints (`--parsable`), or what it said.
    package func submit(_ commandLine: [String], what: String) throws -> String {
        guard let outcome = try Self.run(commandLine[0], Array(commandLine.dropFirst())) else {
            throw ClusterError(Self.noSbatch)
        }
        guard outcome.status == 0, let id = SlurmOutput.parsableJobId(outcome.stdout) else {
            let said = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw ClusterError("sbatch refused \(what) (exit \(outcome.status))" + (said.isEmpty ? "" : ":\n\(said)"))
        }
        return id
    }

    package func record(_ submission: ClusterSubmission, experiment: ExperimentFolder) throws -> URL {
        try SlurmSubmissionLog.append(submission, to: experiment)
        return experiment.slurmSubmissions
    }

    package func reportOutputName(jobId: String) -> String { "report-\(jobId).out" }

    package var arrayOutputPattern: String { "array-*.out" }

    package func recordedJobIds(experiment: ExperimentFolder) -> [String]? {
        SlurmSubmissionLog.recordedJobIds(in: experiment.directory)
    }

    /// `scontrol show job -o ID`: empty when scontrol is missing or no longer knows the job.
    package func jobStates(_ id: String) throws -> [ClusterJobState] {
        guard let outcome = try Self.run("scontrol", ["show", "job", "-o", id]), outcome.status == 0 else { return [] }
        return SlurmOutput.parseJobStates(outcome.stdout)
    }

    /// One `squeue -h -j <ids> -o '%i %T'` call; a note when squeue is absent or fails.
    package func queue(_ ids: [String]) -> ClusterQueueReport {
        let outcome: ChildProcessOutcome?
        do {
            outcome = try Self.run("squeue", SlurmOutput.squeueArguments(ids))
        } catch {
            return ClusterQueueReport(note: "squeue could not be started: \(error)")
        }
        guard let outcome else { return ClusterQueueReport(note: "squeue is not on PATH") }
        guard outcome.status == 0 else {
            let said = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            // squeue refuses ids that have all left the queue: that is an answer too.
            if said.contains("Invalid job id") { return SlurmOutput.parseQueue("") }
            return ClusterQueueReport(note: "squeue failed (exit \(outcome.status))" + (said.isEmpty ? "" : ": \(said)"))
        }
        return SlurmOutput.parseQueue(outcome.stdout)
    }

    /// `scancel IDS`. scancel exits 0 for ids that have already left the queue, so
    /// cancelling an ended job is not an error.
    package func cancel(_ ids: [String]) throws {
        let outcome: ChildProcessOutcome?
        do {
            outcome = try Self.run("scancel", ids)
        } catch {
            throw ClusterError("scancel could not be started: \(error)")
        }
        guard let outcome else { throw ClusterError("scancel not found on PATH: nothing cancelled") }
        guard outcome.status == 0 else {
            let said = (outcome.stderr + outcome.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ClusterError("scancel \(ids.joined(separator: " ")) failed (exit \(outcome.status))"
                + (said.isEmpty ? "" : ": \(said)"))
        }
    }

    /// `SLURM_ARRAY_JOB_ID_SLURM_ARRAY_TASK_ID` for an array task, else `SLURM_JOB_ID`.
    package func currentTask(_ environment: [String: String]) -> String? {
        ClaimPolicy.slurmJobId(environment)
    }

    package var notATask: String { "SLURM_JOB_ID is not set (not a SLURM job)" }

    package func requeueCommand(task: String) -> String {
        (["scontrol"] + Self.requeueArguments(task: task)).joined(separator: " ")
    }

    /// `scontrol requeue TASK`. A missing or refusing scontrol leaves the results resumable
    /// by submitting again, which every message says.
    package func requeue(task: String) throws {
        let outcome: ChildProcessOutcome?
        do {
            outcome = try Self.run("scontrol", Self.requeueArguments(task: task))
        } catch {
            throw ClusterError("scontrol could not be started: \(error); SLURM job \(task) was not requeued;"
                + " submit again to resume")
        }
        guard let outcome else {
            throw ClusterError("scontrol not found on PATH: SLURM job \(task) was not requeued; submit again to resume")
        }
        guard outcome.status == 0 else {
            let said = (outcome.stderr + outcome.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ClusterError("scontrol requeue \(task) failed (exit \(outcome.status))"
                + (said.isEmpty ? "" : ": \(said)") + "; submit again to resume")
        }
    }

    /// The arguments of `scontrol` that requeue `task`.
    package static func requeueArguments(task: String) -> [String] { ["requeue", task] }

    /// Runs `tool` (found on `PATH`) with `arguments`; nil when `tool` is not on `PATH`.
    private static func run(_ tool: String, _ arguments: [String]) throws -> ChildProcessOutcome? {
        try ChildProcess.onPath(tool, arguments: arguments)?.run()
    }
}
