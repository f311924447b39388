import Dispatch
import Foundation

/// The process's dispatch source for each signal, created on first use and never cancelled,
/// and the receivers (`SignalTrap`s) installed on it now.
///
/// On Linux, libdispatch catches a signal with a handler of its own, installed when the
/// signal's first source is created and only then: restoring an earlier disposition after
/// cancelling a source leaves every later source of that signal deaf, so a second sweep in
/// one process could no longer be interrupted. Sources therefore live as long as the process,
/// and traps come and go as receivers. A signal that arrives while no receiver is installed
/// acts as it did before the first source: ignored if it was ignored then, otherwise its
/// default action (the process ends by it).
final class SignalRouter: @unchecked Sendable {
    static let shared = SignalRouter()

    private let queue = DispatchQueue(label: "sweep.signals")
    private let lock = NSLock()
    private var sources: [Int32: DispatchSourceSignal] = [:]
    /// Whether each signal was ignored before its source existed.
    private var ignoredBefore: [Int32: Bool] = [:]
    private var receivers: [Int32: [ObjectIdentifier: @Sendable (Int) -> Void]] = [:]

    /// Calls `receiver` with the number of signals merged into each event of `number`, on the
    /// router's queue, until `remove(_:from:)`.
    func add(_ id: ObjectIdentifier, to number: Int32, _ receiver: @escaping @Sendable (Int) -> Void) {
        lock.withLock {
            receivers[number, default: [:]][id] = receiver
            guard sources[number] == nil else { return }
            // Where libdispatch installs no handler (kqueue), the default action would end the
            // process before the source sees the signal.
            ignoredBefore[number] = Self.isIgnored(number)
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in self.deliver(number, count: max(1, Int(source.data))) }
            source.resume()
            sources[number] = source
            #if os(Linux)
            // libdispatch installs its handler from its own thread, moments after `resume()`;
            // until then the signal is ignored. Waiting for it (a hang-catcher bound, not a
            // deadline) means a signal sent once the trap is installed is never lost.
            let limit = Date().addingTimeInterval(10)
            while Self.isIgnored(number) && Date() < limit { usleep(100) }
            #endif
        }
    }

    /// Whether the disposition of `number` is SIG_IGN now.
    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        sigaction(number, nil, &current)
        #if os(Linux)
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1
        #else
        return unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self) == 1
        #endif
    }

    /// Stops calling `id`'s receivers; returns once a delivery in flight has finished.
    func remove(_ id: ObjectIdentifier, from numbers: [Int32]) {
        lock.withLock {
            for number in numbers { receivers[number]?[id] = nil }
        }
        queue.sync {}
    }

    private func deliver(_ number: Int32, count: Int) {
        let (current, ignored) = lock.withLock { (Array((receivers[number] ?? [:]).values), ignoredBefore[number] ?? false) }
        guard current.isEmpty else {
            for receiver in current { receiver(count) }
            return
        }
        guard !ignored else { return }
        signal(number, SIG_DFL)
        raise(number)
    }
}
