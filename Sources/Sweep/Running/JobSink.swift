import Foundation
import Report
import PolicyGradient

/// Streams one job's rows to `curve.csv.tmp` and `variance.csv.tmp`, renamed into place
/// by `finish()`: rows are never kept in memory.
final class JobSink: TrainingSink {
    private let folder: JobFiles
    private let curveWriter: BufferedFileWriter
    private let varianceWriter: BufferedFileWriter
    private let stopFlag: StopFlag
    private let board: ProgressBoard
    private let position: Int
    /// The step of the latest curve row, for jobs that throw.
    private(set) var latestStep = 0

    init(folder: JobFiles, position: Int, stopFlag: StopFlag, board: ProgressBoard) throws {
        self.folder = folder
        self.position = position
        self.stopFlag = stopFlag
        self.board = board
        curveWriter = try BufferedFileWriter(url: Self.temporary(folder.curve))
        varianceWriter = try BufferedFileWriter(url: Self.temporary(folder.variance))
        curveWriter.append(CSVTable.line(CurveRow.header))
        varianceWriter.append(CSVTable.line(VarianceRow.header))
    }

    func record(_ row: CurveRow) {
        curveWriter.append(CSVTable.line(row.fields))
        latestStep = max(latestStep, row.step)
        board.jobReached(position, step: row.step)
    }

    func record(_ row: VarianceRow) {
        varianceWriter.append(CSVTable.line(row.fields))
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

    /// Closes both files and renames them into place.
    func finish() throws {
        try curveWriter.close()
        try varianceWriter.close()
        try AtomicFile.replace(folder.curve, with: Self.temporary(folder.curve))
        try AtomicFile.replace(folder.variance, with: Self.temporary(folder.variance))
    }

    private static func temporary(_ url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".tmp")
    }
}
