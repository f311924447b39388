import Foundation
import Results
import PolicyGradient

/// Streams one job's rows to hidden temporaries (`.curve.csv.<pid>.<counter>.tmp`, likewise for
/// `variance.csv`), renamed into place by `finish()`: rows are never kept in memory.
final class JobSink: TrainingSink {
    private let folder: JobFiles
    private let curveWriter: BufferedFileWriter
    private let varianceWriter: BufferedFileWriter
    private let stopFlag: StopFlag
    private let board: ProgressBoard
    private let position: Int
    private let curveTemporary: URL
    private let varianceTemporary: URL
    /// The step of the latest curve row, for jobs that throw.
    private(set) var latestStep = 0
    /// The trained policy, written by `finish()`.
    private var policy: SavedPolicy?

    init(folder: JobFiles, position: Int, stopFlag: StopFlag, board: ProgressBoard) throws {
        self.folder = folder
        self.position = position
        self.stopFlag = stopFlag
        self.board = board
        curveTemporary = AtomicFile.temporaryURL(for: folder.curve)
        varianceTemporary = AtomicFile.temporaryURL(for: folder.variance)
        curveWriter = try BufferedFileWriter(url: curveTemporary)
        varianceWriter = try BufferedFileWriter(url: varianceTemporary)
        curveWriter.append(CurveRow.csvHeaderLine)
        varianceWriter.append(VarianceRow.csvHeaderLine)
    }

    func record(_ row: CurveRow) {
        curveWriter.append(row.csvLine)
        latestStep = max(latestStep, row.step)
        board.jobReached(position, step: row.step)
    }

    func record(_ row: VarianceRow) {
        varianceWriter.append(row.csvLine)
    }

    func record(_ policy: SavedPolicy) {
        self.policy = policy
    }

    var shouldStop: Bool { stopFlag.isStopped }

    /// Steps between progress reports: often enough for a live rate, rarely enough to stay off the lock.
    private static let progressInterval = 4096
    private var reportedStep = 0

    func progress(steps: Int) {
        guard steps - reportedStep >= Self.progressInterval else { return }
        reportedStep = steps
        board.jobReached(position, step: steps)
    }

    /// Closes both files and renames them into place; writes the policy of a completed run.
    func finish() throws {
        try curveWriter.close()
        try varianceWriter.close()
        try SweepError.mappingFileErrors {
            try AtomicFile.replace(folder.curve, with: curveTemporary)
            try AtomicFile.replace(folder.variance, with: varianceTemporary)
            if let policy { try AtomicFile.write(try policy.json(), to: folder.policy) }
        }
    }
}
