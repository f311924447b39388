import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into stop requests while installed.
///
/// The first signal asks for a graceful stop: running jobs see it within moments (the trainer
/// polls inside collection, updates and evaluation), end `interrupted`, their `result.json`
/// says so, the report is written, and a rerun redoes them. A second signal ends the process
/// at once with exit status 130 (`_exit`, no cleanup), which is safe too: the lock dies with
/// the process and unfinished job folders have no `result.json`, so the next run redoes them.
/// Once a signal came, that exit stays in place after `remove()`: the process is on its way
/// out with 130 anyway, and a signal in its last moments must not turn that into a death by
/// signal.
final class SignalTrap {
    private let queue = DispatchQueue(label: "sweep.signals")
    private var sources: [DispatchSourceSignal] = []
    private var previous: [(Int32, sig_t?)] = []
    private let received = SignalCount()

    init(stopFlag: StopFlag, signals: [Int32] = [SIGINT, SIGTERM]) {
        let received = received
        for number in signals {
            // The default action would kill the process before the dispatch source sees it.
            previous.append((number, signal(number, SIG_IGN)))
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                guard received.next() == 0 else { _exit(130) }
                stopFlag.requestStop()
                // A further signal may reach a thread directly rather than this source.
                for other in signals { signal(other) { _ in _exit(130) } }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops turning signals into stop requests. Restores the handlers that were in place
    /// before, unless a signal came (then a further one exits with 130, see above).
    func remove() {
        for source in sources { source.cancel() }
        sources.removeAll()
        // Waits for a handler in flight, so that the count is final.
        queue.sync {}
        if received.count == 0 {
            for (number, handler) in previous { signal(number, handler) }
        }
        previous.removeAll()
    }

    deinit { remove() }
}

/// The number of signals received, shared with the signal handlers.
private final class SignalCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Counts one more signal; returns how many came before it.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
