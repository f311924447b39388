import Dispatch
import Foundation

/// Turns SIGINT into a stop request, and SIGTERM and SIGUSR1 into checkpoint-then-stop
/// requests, while installed.
///
/// A first SIGINT asks for a graceful stop: running jobs see it within moments (the trainer
/// polls inside collection, updates and evaluation), end `interrupted`, their `result.json`
/// says so, the report is written, and a rerun resumes them from their latest checkpoint.
/// A first SIGUSR1 (SLURM's warning before preemption or the time limit) lets each running job
/// finish its update, save a checkpoint at that boundary and end `interrupted`; no new job
/// starts. A first SIGTERM (how preemption and time limits arrive) does the same within
/// `SignalTrap.termGrace` seconds, after which jobs still short of a boundary stop at once.
/// A second signal ends the process at once with exit status 130 (`_exit`, no cleanup), which
/// is safe too: its claims name a dead process, taken over by the next run on this host, and
/// unfinished job folders have no `result.json`, so the next run resumes them from their
/// checkpoints.
/// Once a signal came, that exit stays in place after `remove()`: the process is on its way
/// out with 130 anyway, and a signal in its last moments must not turn that into a death by
/// signal.
final class SignalTrap {
    private let numbers: [Int32]
    private var installed = true
    private let received = SignalCount()

    /// The signal that asked for the stop (the first one received), nil while none came.
    var firstSignal: Int32? { received.first }

    /// Seconds a job gets after SIGTERM to reach an update boundary and save a checkpoint.
    static let termGrace = 2.0

    init(stopFlag: StopFlag, signals: [Int32] = [SIGINT], checkpointSignals: [Int32: Double?] = [SIGTERM: termGrace, SIGUSR1: nil]) {
        let received = received
        let all = signals + checkpointSignals.keys.sorted()
        numbers = all
        for number in all {
            SignalRouter.shared.add(ObjectIdentifier(self), to: number) { count in
                // Signals that came before the handler ran are delivered as one event.
                guard received.add(count, signal: number) == 0, count == 1 else { _exit(130) }
                if let grace = checkpointSignals[number] {
                    stopFlag.requestCheckpoint(grace: grace)
                } else {
                    stopFlag.requestStop()
                }
                // From now on a signal goes straight to the exit, on whichever thread takes it,
                // with or without a trap.
                for other in all { signal(other) { _ in _exit(130) } }
            }
        }
    }

    /// Stops turning signals into stop requests (a signal with no trap installed acts as
    /// before the first, see `SignalRouter`), unless a signal came: then a further one exits
    /// with 130, see above.
    func remove() {
        guard installed else { return }
        installed = false
        // Waits for a handler in flight, so that the count is final.
        SignalRouter.shared.remove(ObjectIdentifier(self), from: numbers)
    }

    deinit { remove() }
}

/// The number of signals received and the first of them, shared with the signal handlers.
private final class SignalCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    private var firstSignal: Int32?

    /// Counts `count` more signals of number `signal`; returns how many came before them.
    func add(_ count: Int, signal: Int32) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if value == 0 { firstSignal = signal }
        value += count
        return value - count
    }

    var first: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return firstSignal
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
