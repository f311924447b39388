import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into stop requests while installed.
///
/// The first signal asks for a graceful stop (running jobs end `interrupted`, their
/// `result.json` says so, and a rerun redoes them); a second one restores the default
/// action and re-raises, killing the process, which is safe too: the lock dies with the
/// process and unfinished job folders have no `result.json`, so the next run redoes them.
final class SignalTrap {
    private var sources: [DispatchSourceSignal] = []
    private var previous: [(Int32, sig_t?)] = []

    init(stopFlag: StopFlag, signals: [Int32] = [SIGINT, SIGTERM]) {
        let queue = DispatchQueue(label: "sweep.signals")
        for number in signals {
            // The default action would kill the process before the dispatch source sees it.
            previous.append((number, signal(number, SIG_IGN)))
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if stopFlag.requestStop() > 0 {
                    signal(number, SIG_DFL)
                    raise(number)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the handlers that were in place before.
    func remove() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for (number, handler) in previous { signal(number, handler) }
        previous.removeAll()
    }

    deinit { remove() }
}
