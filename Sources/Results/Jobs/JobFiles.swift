import Foundation

/// Where one job's files live: `<results>/jobs/<job_id>/{config.yaml, curve.csv, variance.csv, updates.csv, policy.json, result.json}`,
/// with `checkpoint`, `final-state` and its TensorBoard event file
/// (docs/architecture.md, "The results folder"), the one place that spells a job's files out.
///
/// `result.json` is written last, so a folder holding it is complete.
package struct JobFiles: Sendable, Equatable {
    /// The job's folder, `<results>/jobs/<job_id>/`.
    package let directory: URL

    /// The files of job `jobId` in the experiment folder `root` (`ExperimentFolder.job(_:)`).
    package init(root: URL, jobId: String) {
        self = ExperimentFolder(directory: root).job(jobId)
    }

    /// The files of job `jobId` under the experiment folder's `jobs/`.
    init(jobs: URL, jobId: String) {
        directory = jobs.appendingPathComponent(jobId, isDirectory: true)
    }

    /// The job's canonical configuration.
    package var config: URL { directory.appendingPathComponent("config.yaml") }
    /// The learning curve, one row per evaluation.
    package var curve: URL { directory.appendingPathComponent("curve.csv") }
    /// The gradient-variance record, one row per measurement and baseline.
    package var variance: URL { directory.appendingPathComponent("variance.csv") }
    /// The training diagnostics, one row per update (or per `log_every` updates).
    package var updates: URL { directory.appendingPathComponent("updates.csv") }
    /// The trained policy (completed jobs only).
    package var policy: URL { directory.appendingPathComponent("policy.json") }
    /// The outcome, written last.
    package var result: URL { directory.appendingPathComponent("result.json") }
    /// The TensorBoard event file (docs/tensorboard.md): the curve and variance rows as scalars,
    /// with wall-clock times, so not among the files `result.json` vouches for. Named by
    /// TensorBoard's convention `events.out.tfevents.<seconds>.<host>` with both fields fixed:
    /// the job has one such file, rewritten whole by each run of it, so a redone job replaces
    /// its file instead of adding a second one that TensorBoard would read as well.
    package var tensorBoardEvents: URL { directory.appendingPathComponent("events.out.tfevents.0.runner") }
    /// The training state saved while the job runs, to resume it; removed when it ends.
    package var checkpoint: URL { directory.appendingPathComponent("checkpoint") }
    /// The training state where a completed job's budget ran out, kept so that a longer budget
    /// continues from it (docs/architecture.md, "Continuing training").
    package var finalState: URL { directory.appendingPathComponent("final-state") }
}
