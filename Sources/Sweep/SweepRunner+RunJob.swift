import Foundation
import PolicyGradient
import Results

/// Running one job into its folder.
extension SweepRunner {
    /// Runs one job, from its checkpoint when it has a usable one and from a clean folder
    /// otherwise, and writes its `result.json`; never throws.
    ///
    /// A job with neither a result nor a checkpoint of its own but a `predecessor` (a shorter
    /// run of it) trains on from the predecessor's final state, or from its checkpoint when it
    /// did not finish (docs/architecture.md, "Continuing training").
    func runJob(_ position: Int, predecessor: Predecessor?, folder experiment: ExperimentFolder, board: ProgressBoard) -> JobResult {
        let job = plan.jobs[position]
        let folder = experiment.job(job.id)
        let start = ProcessInfo.processInfo.systemUptime
        board.jobStarted(position)
        // The damage found before the claim is this run's to tell now that it redoes the job.
        warnings.release(position)
        var outcome: TrainingOutcome
        var resumedFromSteps: [Int] = []
        var continuedFrom: JobResult.ContinuedFrom?
        do {
            let configText = job.configText
            var resume: JobCheckpoint?
            switch options.force ? .none : folder.checkpoint(jobId: job.id, configText: configText) {
            case .none:
                if !options.force, let predecessor, let state = continuation(of: position, from: predecessor) {
                    resume = state
                    continuedFrom = .init(jobId: predecessor.jobId, step: state.step)
                }
            case .usable(let checkpoint): resume = checkpoint
            case .rejected(let reason):
                warnings.add(position, "job \(job.id): its checkpoint was not used (\(reason)); the job starts over from step 0")
            }
            // A continuation starts a folder of its own, from the shorter run's state.
            if resume != nil && continuedFrom == nil { try folder.prepareResume() } else { try folder.reset(configText: configText) }
            let sink = try JobSink(
                folder: folder, jobId: job.id, configText: configText, position: position, stopFlag: stopFlag,
                board: board, resume: resume, continuing: continuedFrom,
                eventLog: eventLog(job, folder: folder, resume: resume, position: position)
            ) { [warnings] reason in
                warnings.add(position, "job \(job.id): a checkpoint could not be saved (\(reason)); training goes on, "
                    + "and a restart would resume from an earlier one")
            }
            resumedFromSteps = sink.resumedFromSteps
            continuedFrom = sink.continuedFrom
            sink.onCheckpoint = options.onCheckpoint.map { hook in { step in hook(job.id, step) } }
            do {
                outcome = try body(job, sink)
            } catch is CancellationError {
                outcome = TrainingOutcome(status: .interrupted, finalReturn: .nan, steps: sink.latestStep)
            } catch {
                outcome = TrainingOutcome(
                    status: .failed, finalReturn: .nan, steps: sink.latestStep, error: Self.message(error))
            }
            do {
                try sink.finish()
            } catch {
                outcome = TrainingOutcome(status: .failed, finalReturn: .nan, steps: outcome.steps, error: Self.message(error))
            }
            finishEventLog(sink.eventLog, status: outcome.status, job: job, position: position)
        } catch {
            outcome = TrainingOutcome(status: .failed, finalReturn: .nan, steps: 0, error: Self.message(error))
        }
        let finalReturn = outcome.status == .completed ? outcome.finalReturn : .nan
        var result = JobResult(
            status: outcome.status, finalReturn: finalReturn, error: outcome.error, steps: outcome.steps,
            seconds: ProcessInfo.processInfo.systemUptime - start)
        result.restarts = resumedFromSteps.count
        result.resumedFromSteps = resumedFromSteps
        result.continuedFrom = continuedFrom
        result.environmentVersions = plan.cells[job.cellIndex].settings.environment.softwareVersions
        do {
            // Never through a link put in place of the job's folder (its reset refused it).
            guard try SafeFiles.isDirectory(folder.directory) else {
                throw FileSystemError.failed(path: folder.directory.path, action: "write", errno: .noSuchFileOrDirectory)
            }
            // Read back from disk, so the record vouches for what a later run or report will read.
            result.files = try folder.currentDigests()
            try AtomicFile.write(result.jsonText, to: folder.result)
            // A deterministic end needs no checkpoint; an interrupted or failed job resumes from it.
            if (result.status == .completed || result.status == .diverged) && !options.keepCheckpoints {
                try SafeFiles.removeFile(folder.checkpoint)
            }
        } catch {
            // Without result.json the folder reads as torn and the next run redoes the job.
            result.status = .failed
            result.error = Self.message(error)
        }
        board.jobFinished(
            position, job: (job.id, plan.cells[job.cellIndex].label, job.seed), result: result)
        return result
    }
}
