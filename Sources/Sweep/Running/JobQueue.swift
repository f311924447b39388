import Foundation

/// The jobs of a sweep, shared by its workers: first the plan's, in order, then again those
/// that other runners held when this one met them.
///
/// A held job is looked at again (its claim is taken over when its owner has died) whenever
/// one of this runner's jobs has ended since the last look, and every `recheckInterval`
/// seconds while some of its jobs still run, so that an idle worker picks up an abandoned job
/// without waiting for the others. Once no job of this runner runs and every held job was
/// looked at after the last one ended, nothing this runner does can change what it finds:
/// `next()` returns nil and the jobs of live owners are left to them. Idle workers sleep on a
/// condition meanwhile, woken by an ending job, the next look or `stop()`.
final class JobQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let recheckInterval: TimeInterval
    private var cursor = 0
    /// Jobs taken by workers and not yet finished (looks at held jobs included).
    private var taken = 0
    /// Jobs this runner has run, to tell whether a held job was looked at since the last one ended.
    private var ran = 0
    /// Jobs other runners held when last looked at, with the value of `ran` then.
    private var held: [(index: Int, ranWhenLooked: Int)] = []
    /// Held jobs due for another look.
    private var due: [Int] = []
    private var nextLook: Date
    private let stopFlag: StopFlag
    private var waiting = 0

    /// Workers asleep in `next()` now (tests wait for one before they wake it).
    var waitingWorkers: Int {
        condition.lock()
        defer { condition.unlock() }
        return waiting
    }

    init(count: Int, stopFlag: StopFlag = StopFlag(), recheckInterval: TimeInterval = ClaimPolicy.defaultRecheckInterval) {
        self.count = count
        self.stopFlag = stopFlag
        self.recheckInterval = recheckInterval
        nextLook = Date().addingTimeInterval(recheckInterval)
    }

    /// The next job to take (a new one in plan order, else a held one to look at again), or
    /// nil when there is none left to this runner or a stop was requested. Blocks while other
    /// workers' jobs may still leave more to do.
    func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopFlag.isStopped {
            if cursor < count {
                cursor += 1
                taken += 1
                return cursor - 1
            }
            if due.isEmpty && !held.isEmpty
                && (held.contains { $0.ranWhenLooked < ran } || (taken > 0 && Date() >= nextLook))
            {
                due = held.map(\.index)
                held = []
                nextLook = Date().addingTimeInterval(recheckInterval)
                // Idle workers share the looks.
                condition.broadcast()
            }
            if !due.isEmpty {
                taken += 1
                return due.removeFirst()
            }
            if taken == 0 { return nil }
            waiting += 1
            if held.isEmpty {
                condition.wait()
            } else {
                _ = condition.wait(until: nextLook)
            }
            waiting -= 1
        }
        return nil
    }

    /// Records what became of a job `next()` returned: one a live runner holds is looked at
    /// again later.
    func finished(_ index: Int, _ outcome: JobOutcome) {
        condition.lock()
        defer { condition.unlock() }
        taken -= 1
        switch outcome {
        case .ran: ran += 1
        case .claimedElsewhere: held.append((index, ran))
        case .finishedElsewhere: break
        }
        condition.broadcast()
    }

    /// Wakes the workers waiting in `next()`, which then see the stop flag and end with nil:
    /// called once the flag is set (setting it does not signal the condition).
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        condition.broadcast()
    }
}
