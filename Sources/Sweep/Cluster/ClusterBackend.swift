import Foundation
import Results

/// A batch scheduler that runs a sweep as an array of tasks (task i runs shard i/N of the
/// jobs) followed by one report job: what `submit`, `status` and `run --requeue-on-usr1`
/// ask of a cluster. SLURM is `SlurmBackend`; docs/cluster.md, "Adding another cluster
/// engine", says what another one implements.
///
/// Messages that name the engine's own commands (`sbatch refused the array ...`) are the
/// backend's: it throws them as `ClusterError`, and the callers print them after `error: `.
/// Everything else the callers say is the same for every engine.
package protocol ClusterBackend: Sendable {
    /// How messages name the engine: `SLURM` in "the SLURM scripts", "SLURM job 81234_7".
    var name: String { get }

    // MARK: Submitting

    /// Why this machine cannot submit (the engine's client command is missing), or nil.
    func unavailable() -> String?
    /// The largest array the engine accepts, when it says; the task count stays within it.
    func maxArraySize() -> Int?
    /// Why `settings` cannot be written into the scripts as they are, or empty.
    func problems(_ settings: ClusterSettings) -> [String]
    /// The folder of the experiment's engine files: scripts, their output, the records.
    func folder(_ experiment: ExperimentFolder) -> URL
    /// The array script and the report script, each with its file name in `folder`.
    func scripts(_ settings: ClusterSettings) -> (array: ClusterScript, report: ClusterScript)
    /// The command line that submits the array, its script at `script`.
    func arraySubmission(_ settings: ClusterSettings, script: String) -> [String]
    /// The command line that submits the report job, to start once `arrayJobId` has ended.
    func reportSubmission(_ settings: ClusterSettings, arrayJobId: String, script: String) -> [String]
    /// Runs a submission command line and returns the id of the job it created; throws
    /// `ClusterError` when the engine refuses or is missing. `what` names the job in messages.
    func submit(_ commandLine: [String], what: String) throws -> String
    /// Adds `submission` to the experiment's records, keeping the earlier ones; returns the
    /// file that holds them.
    func record(_ submission: ClusterSubmission, experiment: ExperimentFolder) throws -> URL
    /// The name, in `folder`, of the report job's output.
    func reportOutputName(jobId: String) -> String
    /// The names, in `folder`, of the array tasks' output, as a shell pattern.
    var arrayOutputPattern: String { get }

    // MARK: Watching

    /// The job ids recorded for the experiment (each array, then its report job), oldest
    /// first; nil when nothing is recorded or the records cannot be read.
    func recordedJobIds(experiment: ExperimentFolder) -> [String]?
    /// The state of job `id`, one per task for an array; empty when the engine no longer
    /// knows it. Throws when the engine's command cannot be started.
    func jobStates(_ id: String) throws -> [ClusterJobState]
    /// The queue state of `ids` from one query; a note instead when the engine cannot say.
    func queue(_ ids: [String]) -> ClusterQueueReport

    // MARK: Stopping and requeueing

    /// Cancels the jobs `ids` (whole arrays, tasks or single jobs); throws `ClusterError`
    /// when the engine refuses or is missing.
    func cancel(_ ids: [String]) throws
    /// The task this process runs as, from the environment the engine gives it; nil outside.
    func currentTask(_ environment: [String: String]) -> String?
    /// Why `currentTask` is nil, for the message of a requeue that cannot happen.
    var notATask: String { get }
    /// The command, as the user would type it, that `requeue(task:)` runs.
    func requeueCommand(task: String) -> String
    /// Puts the running task `task` back in the queue, to start again and resume from its
    /// checkpoints; throws `ClusterError` saying why not.
    func requeue(task: String) throws
}
