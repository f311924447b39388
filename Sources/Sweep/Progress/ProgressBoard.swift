import Results
import Foundation
import PolicyGradient

/// The sweep's shared progress counters and their display on standard error.
///
/// Workers report job starts, curve steps and job ends; the thread that waits for the
/// workers calls `tick()` about ten times a second to redraw the live bar.
final class ProgressBoard: @unchecked Sendable {
    enum Display { case bar, lines, none }

    private let lock = NSLock()
    private let display: Display
    private let total: Int
    private let start = ProcessInfo.processInfo.systemUptime
    private var done = 0
    private var running = 0
    /// The latest step each running job reported, by plan position.
    private var latestStep: [Int: Int] = [:]
    private var steps = 0

    init(mode: ProgressMode, total: Int) {
        switch mode {
        case .auto: display = isatty(STDERR_FILENO) == 1 ? .bar : .lines
        case .bar: display = .bar
        case .lines: display = .lines
        case .none: display = .none
        }
        self.total = total
    }

    func jobStarted(_ position: Int) {
        lock.lock()
        defer { lock.unlock() }
        running += 1
        latestStep[position] = 0
    }

    /// Counts the steps a job reported since its previous row.
    func jobReached(_ position: Int, step: Int) {
        lock.lock()
        defer { lock.unlock() }
        let previous = latestStep[position] ?? 0
        if step > previous {
            steps += step - previous
            latestStep[position] = step
        }
    }

    /// Records a finished job; prints its line (every job in line mode, jobs that did not
    /// complete above the bar in bar mode).
    func jobFinished(_ position: Int, job: (id: String, cell: String, seed: Int), result: JobResult) {
        lock.lock()
        defer { lock.unlock() }
        running -= 1
        done += 1
        let previous = latestStep.removeValue(forKey: position) ?? 0
        if result.steps > previous { steps += result.steps - previous }
        let text = ProgressFormat.line(
            done: done, total: total, jobId: job.id, cell: job.cell, seed: job.seed, result: result)
        switch display {
        case .lines:
            emit(text + "\n")
        case .bar where result.status != .completed:
            emit("\r\u{1B}[2K" + text + "\n")
        case .bar, .none:
            break
        }
    }

    /// Redraws the bar.
    func tick() {
        guard display == .bar else { return }
        lock.lock()
        defer { lock.unlock() }
        drawBar()
    }

    /// Draws the final state of the bar and ends its line.
    func finish() {
        guard display == .bar else { return }
        lock.lock()
        defer { lock.unlock() }
        drawBar()
        emit("\n")
    }

    private func drawBar() {
        let elapsed = ProcessInfo.processInfo.systemUptime - start
        let rate = elapsed > 0 ? Double(steps) / elapsed : 0
        // Jobs finish at a roughly steady rate once the pool is full: remaining × time per job.
        let eta: Double? = done > 0 ? elapsed / Double(done) * Double(total - done) : nil
        let text = ProgressFormat.bar(done: done, total: total, running: running, stepsPerSecond: rate, eta: eta)
        emit("\r\u{1B}[2K" + text)
    }

    /// Writes to standard error; a failed write is remembered there, never fatal to the sweep.
    private func emit(_ text: String) {
        StandardStream.error.write(text)
    }
}
