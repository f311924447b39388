import Foundation
import Results
import PolicyGradient

/// Streams one job's rows to hidden temporaries (`.curve.csv.<pid>.<counter>.tmp`, likewise for
/// `variance.csv` and `updates.csv`), renamed into place by `finish()`, and saves the
/// checkpoints the trainer offers to `checkpoint` (atomically, flushed to disk).
///
/// A job resumed from a checkpoint starts its files with the rows the checkpoint records, so
/// they end byte for byte as an uninterrupted run's. Rows also go to `eventLog`, the job's
/// TensorBoard event file, when it has one. Curve rows are kept by the trainer's state anyway;
/// the variance and update rows written so far are kept here for the next checkpoint.
final class JobSink: TrainingSink {
    private let folder: JobFiles
    private let curveWriter: BufferedFileWriter
    private let varianceWriter: BufferedFileWriter
    private let updatesWriter: BufferedFileWriter
    private let stopFlag: StopFlag
    private let board: ProgressBoard
    private let position: Int
    private let curveTemporary: URL
    private let varianceTemporary: URL
    private let updatesTemporary: URL
    /// The step of the latest curve row, for jobs that throw.
    private(set) var latestStep = 0
    /// The trained policy, written by `finish()`.
    private var policy: SavedPolicy?
    /// The checkpoint the job resumes from, if any.
    private let resume: JobCheckpoint?
    /// The steps this job was resumed from, oldest first (this run's last).
    let resumedFromSteps: [Int]
    /// The shorter run this job continued, if it did (kept in each checkpoint).
    let continuedFrom: JobResult.ContinuedFrom?
    private var varianceRows = ""
    /// The job's TensorBoard event file; nil when it could not be created (the job runs on).
    let eventLog: JobEventLog?
    private var updateRows = ""
    /// Called after each checkpoint is saved, with its step (tests stop jobs there).
    var onCheckpoint: ((Int) -> Void)?

    /// The job and configuration each checkpoint is sealed for.
    private let jobId: String
    private let configText: String
    /// Called once, with the reason, when a checkpoint cannot be written.
    private let onCheckpointFailure: ((String) -> Void)?
    private var checkpointFailed = false

    init(
        folder: JobFiles, jobId: String, configText: String, position: Int, stopFlag: StopFlag, board: ProgressBoard,
        resume: JobCheckpoint? = nil, continuing: JobResult.ContinuedFrom? = nil, eventLog: JobEventLog? = nil,
        onCheckpointFailure: ((String) -> Void)? = nil
    ) throws {
        self.resume = resume
        self.eventLog = eventLog
        self.onCheckpointFailure = onCheckpointFailure
        self.jobId = jobId
        self.configText = configText
        // A continuation starts this job's own record: the shorter run's resumptions are not its.
        resumedFromSteps = continuing != nil ? [] : resume.map { $0.resumedFromSteps + [$0.step] } ?? []
        continuedFrom = continuing ?? resume?.continuedFrom
        self.folder = folder
        self.position = position
        self.stopFlag = stopFlag
        self.board = board
        curveTemporary = AtomicFile.temporaryURL(for: folder.curve)
        varianceTemporary = AtomicFile.temporaryURL(for: folder.variance)
        updatesTemporary = AtomicFile.temporaryURL(for: folder.updates)
        curveWriter = try BufferedFileWriter(url: curveTemporary)
        varianceWriter = try BufferedFileWriter(url: varianceTemporary)
        updatesWriter = try BufferedFileWriter(url: updatesTemporary)
        curveWriter.append(CurveRow.csvHeaderLine)
        varianceWriter.append(VarianceRow.csvHeaderLine)
        updatesWriter.append(UpdateStatistics.csvHeaderLine)
        if let resume {
            for row in resume.snapshot.curve { curveWriter.append(row.csvLine) }
            varianceRows = resume.varianceRows
            varianceWriter.append(varianceRows)
            updateRows = resume.updateRows
            updatesWriter.append(updateRows)
            latestStep = resume.step
            // The resumption is recorded at once, so that one killed before its first checkpoint
            // still counts in `restarts`; the state saved is the one resumed from.
            save(JobCheckpoint(
                step: resume.step, resumedFromSteps: resumedFromSteps, varianceRows: resume.varianceRows,
                updateRows: resume.updateRows, snapshot: resume.snapshot, continuedFrom: continuedFrom))
        }
    }

    func record(_ row: CurveRow) {
        curveWriter.append(row.csvLine)
        eventLog?.record(row)
        latestStep = max(latestStep, row.step)
        board.jobReached(position, step: row.step)
    }

    func record(_ row: VarianceRow) {
        let line = row.csvLine
        varianceRows += line
        varianceWriter.append(line)
        eventLog?.record(row)
    }

    func record(_ statistics: UpdateStatistics) {
        let line = statistics.csvLine
        updateRows += line
        updatesWriter.append(line)
        eventLog?.record(statistics)
    }

    func record(_ policy: SavedPolicy) {
        self.policy = policy
    }

    var shouldStop: Bool { stopFlag.stopsAtOnce }

    var resumeSnapshot: TrainingSnapshot? { resume?.snapshot }

    var checkpointRequested: Bool { stopFlag.checkpointRequested }

    /// Saves `jobs/<id>/checkpoint`. A checkpoint that cannot be written is skipped: the job
    /// goes on, and a restart resumes from the previous one (or from step 0).
    func checkpoint(step: Int, _ snapshot: () -> TrainingSnapshot) {
        let checkpoint = JobCheckpoint(
            step: step, resumedFromSteps: resumedFromSteps, varianceRows: varianceRows, updateRows: updateRows,
            snapshot: snapshot(), continuedFrom: continuedFrom)
        guard save(checkpoint) else { return }
        onCheckpoint?(step)
    }

    /// Saves `jobs/<id>/final-state`, the state a longer budget continues from (sealed like a
    /// checkpoint). Without this run's resumptions or continuation it is, like the CSVs, a pure
    /// function of the configuration. One that cannot be written costs only the continuation:
    /// the job goes on.
    func finalState(step: Int, _ snapshot: () -> TrainingSnapshot) {
        let state = JobCheckpoint(
            step: step, resumedFromSteps: [], varianceRows: varianceRows, updateRows: updateRows, snapshot: snapshot())
        try? AtomicFile.write(state.data(jobId: jobId, configText: configText), to: folder.finalState, durable: true)
    }

    /// Writes `checkpoint` sealed, atomically and flushed; false when it could not be written
    /// (the first failure is passed to `onCheckpointFailure`).
    @discardableResult
    private func save(_ checkpoint: JobCheckpoint) -> Bool {
        do {
            try AtomicFile.write(checkpoint.data(jobId: jobId, configText: configText), to: folder.checkpoint, durable: true)
            return true
        } catch {
            if !checkpointFailed { onCheckpointFailure?("\(error)") }
            checkpointFailed = true
            return false
        }
    }

    /// Steps between progress reports: often enough for a live rate, rarely enough to stay off the lock.
    private static let progressInterval = 4096
    private var reportedStep = 0

    func progress(steps: Int) {
        guard steps - reportedStep >= Self.progressInterval else { return }
        reportedStep = steps
        board.jobReached(position, step: steps)
    }

    /// Closes the row files and renames them into place; writes the policy of a completed run.
    func finish() throws {
        try curveWriter.close()
        try varianceWriter.close()
        try updatesWriter.close()
        try SweepError.mappingFileErrors {
            try AtomicFile.replace(folder.curve, with: curveTemporary)
            try AtomicFile.replace(folder.variance, with: varianceTemporary)
            try AtomicFile.replace(folder.updates, with: updatesTemporary)
            if let policy { try AtomicFile.write(try policy.json(), to: folder.policy) }
        }
    }
}
