import Foundation
import Results

/// How a sweep shows its progress on standard error.
package enum ProgressMode: Sendable, Equatable {
    /// A live bar when standard error is a terminal, otherwise one line per finished job.
    case auto
    /// A live bar, redrawn in place.
    case bar
    /// One line per finished job.
    case lines
    /// Nothing.
    case none
}

/// What a sweep runs and where it writes.
package struct SweepOptions: Sendable {
    /// Worker threads, at least 1.
    package var jobs: Int
    /// Rerun jobs that already have a completed or diverged result.
    package var force: Bool
    /// `KEY=VALUE` filters on swept keys (see `CellFilter`).
    package var only: [String]
    /// Run only this shard of the selected jobs (see `Shard`); nil runs them all.
    package var shard: Shard?
    package var progress: ProgressMode
    /// The results root; the sweep writes into `resultsRoot/<experiment name>/`.
    package var resultsRoot: URL
    /// The folder's name under `resultsRoot` when not the experiment's name (`--new-run`).
    package var folderName: String?
    /// Install SIGINT, SIGTERM and SIGUSR1 handlers (`SignalTrap`) for the duration of `run()`
    /// (a command-line tool wants this; a library caller or a test drives `StopFlag` directly).
    package var handleSignals: Bool
    /// Written into `manifest.json`.
    package var toolVersion: String
    /// Build the report at the end (under the report claim); false for `run --no-report`.
    package var buildsReport: Bool
    /// Keep `jobs/<id>/checkpoint` when a job completes (it is removed by default).
    package var keepCheckpoints = false
    /// Called on the job's thread after each checkpoint is saved, with the job id and step;
    /// tests use it to stop jobs at chosen points.
    var onCheckpoint: (@Sendable (String, Int) -> Void)?
    /// Who this runner is and when another runner's claim counts as abandoned; tests replace
    /// the clock and the liveness check.
    package var claimPolicy = ClaimPolicy()
    /// Starts one worker thread running its argument, or returns false when the system refuses
    /// the thread. Tests replace it to refuse chosen starts.
    var startThread: @Sendable (@escaping @Sendable () -> Void) -> Bool = WorkerThread.start
    /// Workers kept once the system has refused one: the others end before taking a job, so
    /// that the address space their stacks held is left to the jobs (a refusal means it ran
    /// out). One per core loses no speed on CPU-bound jobs.
    var workersAfterRefusal = Self.defaultJobs

    /// Worker threads unless told otherwise: one per core.
    package static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    package init(
        jobs: Int = defaultJobs,
        force: Bool = false,
        only: [String] = [],
        shard: Shard? = nil,
        progress: ProgressMode = .auto,
        resultsRoot: URL = URL(fileURLWithPath: ExperimentFolder.defaultRoot),
        handleSignals: Bool = false,
        toolVersion: String = SweepRunner.toolVersion,
        buildsReport: Bool = true
    ) {
        self.buildsReport = buildsReport
        self.jobs = jobs
        self.force = force
        self.only = only
        self.shard = shard
        self.progress = progress
        self.resultsRoot = resultsRoot
        self.handleSignals = handleSignals
        self.toolVersion = toolVersion
    }
}
