import Foundation
import PolicyGradient
import Results
import TensorBoard

/// A job's TensorBoard event file (`JobFiles.tensorBoardEvents`, docs/tensorboard.md), written
/// as the rows arrive and flushed at each curve row, so that TensorBoard can follow a running
/// job: the hparams plugin's start of the run, the curve, variance and update rows as scalars, the
/// wall-clock rate `time/fps`, and the plugin's end of the run.
///
/// The file holds wall-clock times and is not among the files `result.json` vouches for; the
/// job's CSV files never depend on it. A resumed job rewrites it whole, the rows the checkpoint
/// records first (with the time of rewriting, and no rate).
final class JobEventLog {
    private let file: BufferedFileWriter
    private let events: EventRecordWriter
    /// The step and time the rate `time/fps` counts from: this run's start.
    private let rateOrigin: (step: Int, time: Double)
    private let clock: () -> Double
    /// The step of the latest row, where the end of the run is written.
    private var latestStep: Int

    /// Creates the new file `url` and writes the start of the run for the cell's swept values
    /// (`hparams`, grouped by the cell's `label`), then the rows `replaying` of a resumed job
    /// in step order. Throws `SweepError` when the file cannot be created.
    init(
        url: URL, hparams: [(name: String, value: HParamValue)], group: String,
        replaying curve: [CurveRow] = [], _ variance: [VarianceRow] = [], _ updates: [UpdateStatistics] = [],
        startStep: Int = 0,
        clock: @escaping () -> Double = EventRecordWriter.wallClock
    ) throws {
        let file = try BufferedFileWriter(url: url)
        self.file = file
        self.clock = clock
        events = EventRecordWriter(output: { file.append(bytes: $0) }, clock: clock)
        events.addHParamsStart(hparams, group: group)
        latestStep = startStep
        rateOrigin = (startStep, clock())
        let replayed = curve.map { ($0.step, $0.tensorBoardScalars) } + variance.map { ($0.step, $0.tensorBoardScalars) }
            + updates.map { ($0.step, $0.tensorBoardScalars) }
        // Stable, so a step's curve figures come before its variance and update figures.
        for (step, scalars) in replayed.enumerated().sorted(by: { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) })
            .map(\.element) {
            events.add(scalars: scalars, step: step)
        }
        file.flush()
    }

    /// The curve row's figures and the rate since this run started; flushed, for a live view.
    func record(_ row: CurveRow) {
        var scalars = row.tensorBoardScalars
        let seconds = clock() - rateOrigin.time
        if row.step > rateOrigin.step && seconds > 0 {
            scalars.append(("time/fps", Double(row.step - rateOrigin.step) / seconds))
        }
        events.add(scalars: scalars, step: row.step)
        latestStep = max(latestStep, row.step)
        file.flush()
    }

    /// The variance row's figures.
    func record(_ row: VarianceRow) {
        events.add(scalars: row.tensorBoardScalars, step: row.step)
        latestStep = max(latestStep, row.step)
    }

    /// The update row's figures.
    func record(_ statistics: UpdateStatistics) {
        events.add(scalars: statistics.tensorBoardScalars, step: statistics.step)
        latestStep = max(latestStep, statistics.step)
    }

    /// Writes the end of the run for a job that ended (`completed` is a success; `diverged` and
    /// `failed` are failures; an `interrupted` job has not ended and gets none) and closes the
    /// file; throws the first error met writing it.
    func finish(_ status: JobStatus) throws {
        switch status {
        case .completed: events.addHParamsEnd(.success, step: latestStep)
        case .diverged, .failed: events.addHParamsEnd(.failure, step: latestStep)
        case .interrupted: break
        }
        try file.close()
    }
}
