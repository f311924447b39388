import Foundation
import Results
import PolicyGradient

/// Resuming and restarting a job's folder.
///
/// `result.json` is written last and removed first, so its presence means every other file
/// of the folder is complete and belongs to the same run; the sizes, line counts and SHA-256
/// it records tell whether those files are still the ones written, and its figures are checked
/// against the curve (`JobFiles.readBack()`).
extension JobFiles {
    /// What a run makes of the job's folder: reuse its result, or run the job, with the reason
    /// when the folder held something that could not be believed.
    enum Stored {
        case finished(JobResult)
        /// Run the job; `reason` says why a result in the folder was not believed (nil when
        /// there was none, or the job did not finish).
        case redo(reason: String?)
    }

    /// The stored result when the job finished with a deterministic outcome (completed or
    /// diverged) for exactly this configuration and its folder reads back whole
    /// (`readBack()`); otherwise `redo`, with the reason when the folder was damaged. A result
    /// that records no files (an earlier version's) cannot be verified and is redone silently.
    func stored(configText: String) -> Stored {
        let finished: FinishedJob
        switch readBack() {
        case .unfinished: return .redo(reason: nil)
        case .damaged(let reason): return .redo(reason: reason)
        case .finished(let job): finished = job
        }
        let result = finished.result
        guard result.status == .completed || result.status == .diverged, finished.verified else { return .redo(reason: nil) }
        // readBack checked config.yaml against its recorded digest; that digest must also be
        // this job's configuration's (equal SHA-256, equal bytes), which needs no second read.
        guard result.files?["config.yaml"] == FileDigest.of(bytes: Data(configText.utf8)) else {
            return .redo(reason: "config.yaml is not this job's configuration")
        }
        return .finished(result)
    }

    /// Why `config.yaml` is not `configText` (absent, unreadable, or other text); nil when it is.
    private func configMismatch(_ configText: String) -> String? {
        do {
            guard let stored = try SafeFiles.contents(of: config) else { return "config.yaml is missing" }
            return String(decoding: stored, as: UTF8.self) == configText ? nil : "config.yaml is not this job's configuration"
        } catch {
            return "\(error)"
        }
    }

    /// The stored result when `stored(configText:)` finds one, else nil.
    func finishedResult(configText: String) -> JobResult? {
        if case .finished(let result) = stored(configText: configText) { return result }
        return nil
    }

    /// What the job's checkpoint is worth.
    enum CheckpointLookup {
        /// No checkpoint (or no job folder): start from zero, nothing to say.
        case none
        case usable(JobCheckpoint)
        /// A checkpoint that cannot be believed: start from zero, and say why.
        case rejected(String)
    }

    /// The checkpoint to resume job `jobId` from: present, a regular file, sealed for this job
    /// and for the configuration `configText`, matching its seal, of this build's format, in
    /// a folder whose `config.yaml` is exactly `configText` (`JobCheckpoint.load`).
    func checkpoint(jobId: String, configText: String) -> CheckpointLookup {
        let data: Data
        do {
            guard try SafeFiles.isDirectory(directory), let bytes = try SafeFiles.contents(of: checkpoint, followingLinks: false) else { return .none }
            data = bytes
        } catch {
            return .rejected("\(error)")
        }
        if let mismatch = configMismatch(configText) { return .rejected(mismatch) }
        do {
            return .usable(try JobCheckpoint.load(data, jobId: jobId, configText: configText))
        } catch {
            return .rejected("\(error)")
        }
    }

    /// Readies the folder to resume from its checkpoint: removes `result.json` first, then the
    /// row files and the event file (rewritten from the checkpoint's rows on); keeps
    /// `config.yaml` and `checkpoint`.
    /// Whatever stands in their place goes, a folder included, so no odd entry blocks the job.
    func prepareResume() throws {
        try SweepError.mappingFileErrors {
            try SafeFiles.removeItem(result)
            try SafeFiles.removeItem(curve)
            try SafeFiles.removeItem(variance)
            try SafeFiles.removeItem(tensorBoardEvents)
        }
    }

    /// Empties the folder for a fresh run of the job, `result.json` first, then writes
    /// `config.yaml`. Nothing is followed: a link in place of the folder is an error, a link
    /// inside it is removed itself.
    func reset(configText: String) throws {
        try SweepError.mappingFileErrors {
            if try SafeFiles.isDirectory(directory) {
                try SafeFiles.removeItem(result)
                try SafeFiles.removeTree(directory)
            }
            try SafeFiles.makeDirectory(directory)
            try AtomicFile.write(configText, to: config)
        }
    }
}
