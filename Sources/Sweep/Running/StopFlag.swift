import Foundation

/// A thread-safe request to stop a sweep: running jobs see it through
/// `TrainingSink.shouldStop` and end as `interrupted`, and no new job starts.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var requests = 0

    public init() {}

    /// Asks the sweep to stop. Returns how many stop requests there were before this one.
    @discardableResult
    public func requestStop() -> Int {
        lock.lock()
        defer { lock.unlock() }
        requests += 1
        return requests - 1
    }

    public var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requests > 0
    }
}
