import Experiment
import Foundation
import Results

/// What a results folder says about its sweep right now: how many jobs are completed, running,
/// failed, diverged or pending, and how many training steps are done of the total.
///
/// Built by reading only (`result.json`, `claims/`, `checkpoint`): it takes no claim and
/// writes nothing, so it may be read while runners work in the folder. A job is, in this
/// order: completed, diverged or failed when its `result.json` says so; running when a live
/// owner holds its claim; pending otherwise (including a job whose claim is stale, whose run
/// was interrupted, or which never started).
package struct SweepStatus: Sendable, Equatable {
    /// One job a live runner holds.
    package struct Running: Sendable, Equatable {
        package var jobId: String
        package var owner: ClaimRecord
        /// Seconds since the owner's last heartbeat (on this host's clock).
        package var heartbeatAge: Int64
        /// The step of the job's latest checkpoint; nil when it has none yet.
        package var checkpointStep: Int?
        /// The job's latest evaluation (`curve.csv`'s step and `eval_return_mean`) as its
        /// checkpoint records it; nil until a checkpoint that passes its seal holds one.
        package var lastEvaluation: LastEvaluation? = nil
    }

    /// A curve row's step and mean evaluation return.
    package struct LastEvaluation: Sendable, Equatable {
        package var step: Int
        package var mean: Double
    }

    package var experiment: String
    /// Distinct jobs of the plan (identical configurations share one).
    package var total: Int
    package var completed = 0
    package var failed = 0
    package var diverged = 0
    package var pending = 0
    package var running: [Running] = []
    /// Jobs whose claim is stale (its owner gone or silent): counted as pending.
    package var staleClaims: [String] = []
    /// Steps trained towards the budget: `steps` of every job with a result, plus the
    /// checkpoint step of every job without one, each counted up to the job's own budget (a
    /// job's last batch may end past it), so that a finished sweep reads 100%.
    package var stepsDone = 0
    /// `training.steps` summed over the jobs.
    package var stepsTotal = 0

    /// Reads the experiment folder `directory` (`results/<experiment>`); `policy` decides
    /// which claims are live and what time it is.
    ///
    /// Throws `NotAResultsFolder` when it holds no `experiment.yaml`, and the loader's
    /// `ConfigurationError` when that file is not a valid experiment.
    package static func read(_ directory: URL, policy: ClaimPolicy = ClaimPolicy()) throws -> SweepStatus {
        let folder = ExperimentFolder(directory: directory)
        let plan = try ExperimentLoader().load(path: folder.savedExperiment().path)
        let claims = ClaimFolder(experiment: directory, policy: policy).survey()
        let now = Int64(policy.now().timeIntervalSince1970)

        var status = SweepStatus(experiment: plan.name, total: 0)
        for job in ExperimentFolder.distinct(plan.jobs, id: \.id) {
            status.total += 1
            let budget = job.config.settings.training.steps
            status.stepsTotal = Self.sum(status.stepsTotal, budget)
            let files = folder.job(job.id)
            if let result = JobResult.read(from: files.result), result.status != .interrupted {
                status.stepsDone = Self.sum(status.stepsDone, min(result.steps, budget))
                switch result.status {
                case .completed: status.completed += 1
                case .diverged: status.diverged += 1
                default: status.failed += 1
                }
                continue
            }
            let step = CheckpointStep.read(files.checkpoint)
            status.stepsDone = Self.sum(status.stepsDone, min(step ?? 0, budget))
            switch claims[job.id] {
            case .live(let record)?:
                // Only a checkpoint that passes its seal is believed for the figure it shows.
                var lastEvaluation: LastEvaluation?
                if step != nil, case .usable(let checkpoint) = files.checkpoint(jobId: job.id, configText: job.configText),
                    let row = checkpoint.snapshot.curve.last
                {
                    lastEvaluation = LastEvaluation(step: row.step, mean: row.evalReturnMean)
                }
                status.running.append(Running(
                    jobId: job.id, owner: record, heartbeatAge: max(0, now - record.heartbeat), checkpointStep: step,
                    lastEvaluation: lastEvaluation))
            case .stale?:
                status.staleClaims.append(job.id)
                status.pending += 1
            case nil:
                status.pending += 1
            }
        }
        return status
    }

    /// `total + steps`, a negative count read as none and the sum held at `Int.max`: the
    /// figures come from files a user may have edited, and must not overflow.
    static func sum(_ total: Int, _ steps: Int) -> Int {
        let (sum, overflow) = total.addingReportingOverflow(max(0, steps))
        return overflow ? Int.max : sum
    }
}

/// The `step` of a job's checkpoint, read without decoding the training state it holds.
enum CheckpointStep {
    private struct Probe: Decodable { var step: Int }

    /// Nil when there is no checkpoint or it is unreadable (being replaced, damaged, not a
    /// regular file). The state follows the checkpoint's seal line; a run checks the seal
    /// before it resumes, this glance does not.
    static func read(_ url: URL) -> Int? {
        guard let data = try? SafeFiles.contents(of: url, followingLinks: false),
            let newline = data.firstIndex(of: 0x0A)
        else { return nil }
        return (try? JSONDecoder().decode(Probe.self, from: data[(newline + 1)...]))?.step
    }
}
