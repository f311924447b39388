import Experiment
import Foundation
import Results
import PolicyGradient

/// Trains one job, streaming its rows into the sink; called on a worker thread.
///
/// It must be deterministic (its rows and outcome depend on the job's config alone), poll
/// `sink.shouldStop` between updates and return `.interrupted` when it is true. A thrown
/// error records the job as `failed` with the error's text (`CancellationError` as `interrupted`).
package typealias JobBody = @Sendable (ExperimentPlan.Job, any TrainingSink) throws -> TrainingOutcome

/// Runs an experiment's jobs on a pool of worker threads into a resumable results folder that
/// several runners may share.
///
/// Layout (`ExperimentFolder`, docs/architecture.md, "The results folder"):
/// `<root>/<name>/experiment.yaml`, `manifest.json`, `claims/`, and per job
/// `jobs/<job_id>/config.yaml`, `curve.csv`, `variance.csv`, `result.json`.
/// A runner works on a job only while it holds the job's claim (`ClaimFolder`), and builds the
/// report only while it holds the report claim and no live runner holds a job's.
/// A job's folder is complete exactly when it holds `result.json`; a rerun skips jobs whose
/// result is completed or diverged (deterministic outcomes) for the same config and redoes the
/// rest from scratch, or from a shorter run of them left in the folder (a smaller
/// `training.steps`: docs/architecture.md, "Continuing training"). A folder holds one
/// experiment: another is refused before anything is written (`FolderAdmission`). Workers
/// take jobs in plan order from a shared queue, then look again at
/// those other runners held (`JobQueue`); each job writes only its own folder, so the files do
/// not depend on the number of workers.
package final class SweepRunner: Sendable {
    /// Written into `manifest.json` unless the options name another.
    package static let toolVersion = "0.1.0"

    /// The commit checked out in the git repository holding `directory`, if git can tell.
    /// Throws `ChildProcessError` when git is on `PATH` but cannot be started.
    package static func runnerCommit() throws -> String? { try Manifest.runnerCommit() }

    /// The commit the runner `executable` was built from (`Manifest.commit(ofExecutable:)`).
    package static func commit(ofExecutable executable: URL) throws -> String? {
        try Manifest.commit(ofExecutable: executable)
    }

    /// The file beside a staged runner that names its commit (`Manifest.stagedCommitName`).
    package static let stagedCommitName = Manifest.stagedCommitName

    package let plan: ExperimentPlan
    package let options: SweepOptions
    /// Set it (from any thread) to stop the sweep gracefully.
    package let stopFlag: StopFlag
    /// What the jobs had to say that the user should hear (`SweepReport.warnings`).
    let warnings = WarningLog()
    let body: JobBody

    package init(plan: ExperimentPlan, options: SweepOptions, stopFlag: StopFlag = StopFlag(), body: @escaping JobBody) {
        self.plan = plan
        self.options = options
        self.stopFlag = stopFlag
        self.body = body
    }

    /// The experiment's results folder.
    package var folder: ExperimentFolder {
        ExperimentFolder(root: options.resultsRoot, experiment: options.folderName ?? plan.name)
    }

    /// The experiment's results folder, `folder.directory`.
    package var directory: URL { folder.directory }

    /// Runs the selected jobs. Throws `SweepError` when the sweep cannot start (bad filter,
    /// unwritable folder) or the report claim is held by a live runner; job failures are
    /// reported, not thrown.
    package func run() throws -> SweepReport {
        try run { _ in }
    }

    /// Runs the selected jobs, then `whileLocked` with their report while holding the report
    /// claim, so that what it writes (summaries, plots, a regression table) is built from one
    /// consistent state of the folder. Its errors propagate.
    ///
    /// `whileLocked` is not called when jobs this run left to other runners are still claimed
    /// by them (`SweepReport.claimedElsewhere`): the report would leave them out. With
    /// `options.buildsReport` false it is called without the report claim.
    package func run(whileLocked: (SweepReport) throws -> Void) throws -> SweepReport {
        let started = Date()
        guard options.jobs >= 1 else { throw SweepError.invalidWorkerCount(options.jobs) }
        var report = SweepReport(directory: self.folder.directory)
        let filter = try CellFilter(options.only, plan: plan)

        // Plan positions of the selected jobs, one per id (identical configs share a folder).
        var selected = ExperimentFolder.distinct(
            plan.jobs.indices.filter { filter.matches(plan.cells[plan.jobs[$0].cellIndex]) }, id: { plan.jobs[$0].id })
        if let shard = options.shard {
            let costs = Dictionary(selected.map { (plan.jobs[$0].id, plan.jobs[$0].config.settings.estimatedCost) }) { a, _ in a }
            let mine = shard.select(costs)
            selected = selected.filter { mine.contains(plan.jobs[$0].id) }
        }

        let folder = folder
        let root = folder.directory
        // A folder holds one experiment: refused before anything is written when it holds another.
        report.admission = try FolderAdmission.check(plan, folder: folder)
        // The results root may lie behind a link (the user's choice); the experiment folder and
        // everything in it must be real folders and files, never followed.
        try SweepError.mappingFileErrors {
            try SafeFiles.makeDirectories(options.resultsRoot)
            try SafeFiles.makeDirectory(root)
        }
        let claims = ClaimFolder(experiment: root, policy: options.claimPolicy)
        try claims.prepare()
        let heartbeat = try ClaimHeartbeat(policy: options.claimPolicy)
        defer { heartbeat.stop() }
        let trap = options.handleSignals ? SignalTrap(stopFlag: stopFlag) : nil
        defer { trap?.remove() }

        // Without git the sweep still runs; the manifest then names no commit, and a warning
        // (told before any job's: position -1) says why. A signal while git runs ends git at once.
        let commit: String?
        do { commit = try Manifest.runnerCommit(stoppingWhen: { [stopFlag] in stopFlag.isStopped }) } catch {
            commit = nil
            warnings.add(-1, "manifest.json names no commit: \(error)")
        }
        var manifest = Manifest(
            toolVersion: options.toolVersion, gitCommit: commit,
            host: ProcessInfo.processInfo.hostName, started: Manifest.timestamp(started), finished: nil,
            configHash: SHA256.hex(plan.jobs.map(\.canonical).joined()), jobs: plan.jobs.count,
            experiment: plan.name, overrides: plan.overrides)
        let versions = plan.cells.compactMap { cell in
            cell.settings.environment.softwareVersions.map { (cell.settings.environment.id.rawValue, $0) }
        }
        if !versions.isEmpty { manifest.environmentVersions = Dictionary(versions) { first, _ in first } }
        let sweepManifestURL = folder.manifest
        var manifestURL = sweepManifestURL
        try SweepError.mappingFileErrors {
            try AtomicFile.write(plan.resolvedText, to: folder.experimentFile)
            if let shard = options.shard {
                manifest.shard = shard.description
                manifestURL = folder.shardManifest(index: shard.index, count: shard.count)
                try SafeFiles.makeDirectory(manifestURL.deletingLastPathComponent())
                if !FileManager.default.fileExists(atPath: sweepManifestURL.path) {
                    var sweep = manifest
                    (sweep.state, sweep.shard) = ("sharded", nil)
                    try AtomicFile.write(sweep.jsonText, to: sweepManifestURL)
                }
            }
            try AtomicFile.write(manifest.jsonText, to: manifestURL)
            try SafeFiles.makeDirectory(folder.jobs)
        }

        report.selected = selected.map { plan.jobs[$0].id }
        var pending: [Int] = []
        var stored: [Int: JobResult] = [:]
        for position in selected {
            let job = plan.jobs[position]
            let files = folder.job(job.id)
            switch options.force ? .redo(reason: nil) : files.stored(configText: job.configText) {
            case .finished(let result):
                stored[position] = result
            case .redo(let reason):
                if let reason { warnings.hold(position, "job \(job.id) is damaged (\(reason)); it is run again") }
                pending.append(position)
            }
        }

        // Shorter runs of these jobs left in `jobs/` (a smaller training.steps): continued from.
        // (Under --force they are not continued from, but still removed once replaced.)
        let predecessors = JobLineage.predecessors(plan, positions: selected, folder: folder)
        let board = ProgressBoard(mode: options.progress, total: pending.count)
        let (results, workers) = runPool(
            pending, predecessors: predecessors, folder: folder, board: board, claims: Claims(folder: claims, heartbeat: heartbeat))
        board.finish()
        (report.workersRequested, report.workersStarted, report.workersUsed) = workers

        for position in selected {
            let job = plan.jobs[position]
            if let result = stored[position] {
                report.skipped.append(job.id)
                if result.status == .diverged { report.failures.append(failure(job, result, cached: true)) }
            } else if case .claimedElsewhere(let owner) = results[position] {
                if let result = folder.job(job.id).finishedResult(configText: job.configText) {
                    report.skipped.append(job.id)
                    if result.status == .diverged { report.failures.append(failure(job, result, cached: true)) }
                } else {
                    report.claimedElsewhere.append(job.id)
                    report.claimOwner = report.claimOwner ?? owner?.owner
                }
            } else if case .finishedElsewhere(let result) = results[position] {
                report.skipped.append(job.id)
                if result.status == .diverged { report.failures.append(failure(job, result, cached: true)) }
            } else if case .ran(let result) = results[position] {
                if let from = result.continuedFrom { report.continued.append((job.id, from.step)) }
                switch result.status {
                case .completed: report.completed.append(job.id)
                case .diverged: report.diverged.append(job.id)
                case .failed: report.failed.append(job.id)
                case .interrupted: report.interrupted.append(job.id)
                }
                if result.status == .diverged || result.status == .failed {
                    report.failures.append(failure(job, result, cached: false))
                }
            } else {
                report.notStarted.append(job.id)
            }
        }
        removeFinishedPredecessors(predecessors, folder: folder)
        report.warnings = warnings.take()
        report.wasInterrupted = stopFlag.isStopped
        report.stopSignal = trap?.firstSignal

        manifest.finished = Manifest.timestamp(Date())
        manifest.state = report.wasInterrupted ? "interrupted" : "finished"
        // The job results are on disk already; a manifest that cannot be updated costs nothing more.
        try? AtomicFile.write(manifest.jsonText, to: manifestURL)
        guard options.buildsReport else {
            try whileLocked(report)
            return report
        }
        guard report.claimedElsewhere.isEmpty else { return report }
        try Self.withReportClaim(on: root, policy: options.claimPolicy, partial: false) { try whileLocked(report) }
        report.reportBuilt = true
        return report
    }

    /// Runs `positions` on `options.jobs` worker threads, which take them in order from a
    /// shared queue until it runs out or a stop is requested; the calling thread redraws the
    /// progress bar meanwhile. Jobs that other runners held are looked at again before the
    /// queue runs out (`JobQueue`): a claim whose owner has died since is taken over.
    ///
    /// The system may refuse a thread (a thread limit, or an address space too small for more
    /// 8 MiB stacks): the pool then stops asking and keeps at most
    /// `options.workersAfterRefusal` of the workers that started; the others end before taking
    /// a job, so that the jobs and the allocator get back the room their stacks held. With
    /// none started the calling thread runs the jobs itself. Workers take their first job once
    /// every start was tried, with an address-space reserve held meanwhile
    /// (`AddressSpaceReserve`). Returns the results of the jobs that ran, by plan position, and
    /// the workers asked for, started and used.
    private func runPool(
        _ positions: [Int], predecessors: [Int: Predecessor], folder: ExperimentFolder, board: ProgressBoard, claims: Claims
    )
        -> (results: [Int: JobOutcome], workers: (requested: Int, started: Int, used: Int))
    {
        let outcomes = OutcomeLog()
        let queue = JobQueue(count: positions.count, stopFlag: stopFlag, recheckInterval: options.claimPolicy.recheckInterval)
        let group = DispatchGroup()
        let gate = DispatchGroup()
        let used = WorkerCount()
        gate.enter()
        let work: @Sendable (Int) -> Void = { [self] worker in
            gate.wait()
            guard worker < used.value else { return }
            while let next = queue.next() {
                let position = positions[next]
                let outcome = claimAndRun(
                    position, predecessor: predecessors[position], folder: folder, board: board, claims: claims)
                outcomes.add(position, outcome)
                queue.finished(next, outcome)
            }
        }
        let requested = min(options.jobs, positions.count)
        var started = 0
        let reserve = AddressSpaceReserve()
        while started < requested {
            let worker = started
            group.enter()
            guard options.startThread({ work(worker); group.leave() }) else {
                group.leave()
                break
            }
            started += 1
        }
        // With none started, the calling thread is the one worker.
        used.value = started < requested ? max(1, min(started, options.workersAfterRefusal)) : started
        reserve.release()
        gate.leave()
        if started == 0 { work(0) }
        while group.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            board.tick()
            // Workers with nothing to do wait on the queue; a stop must end that wait too.
            if stopFlag.isStopped { queue.stop() }
        }
        return (outcomes.all, (requested, started, used.value))
    }

    func failure(_ job: ExperimentPlan.Job, _ result: JobResult, cached: Bool) -> SweepReport.Failure {
        SweepReport.Failure(
            jobId: job.id, cell: plan.cells[job.cellIndex].label, seed: job.seed, status: result.status,
            error: result.error, step: result.steps, cached: cached)
    }

    static func message(_ error: any Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }

    /// `path` relative to the current folder when inside it, for messages.
    static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        var shown = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        while shown.count > 1 && shown.hasSuffix("/") { shown.removeLast() }
        return shown
    }
}
