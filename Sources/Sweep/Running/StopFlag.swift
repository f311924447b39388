import Foundation

/// A thread-safe request to stop a sweep: no new job starts, and running jobs end as
/// `interrupted`, either at once (`requestStop`: they see it through `TrainingSink.shouldStop`)
/// or at their next update boundary after saving a checkpoint there (`requestCheckpoint`: they
/// see it through `TrainingSink.checkpointRequested`).
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var requests = 0
    private var checkpointRequests = 0

    public init() {}

    /// Asks the sweep to stop at once. Returns how many stop requests (of either kind) there
    /// were before this one.
    @discardableResult
    public func requestStop() -> Int {
        lock.lock()
        defer { lock.unlock() }
        requests += 1
        return requests + checkpointRequests - 1
    }

    /// Asks running jobs to save a checkpoint at their next update boundary and stop there.
    /// Returns how many stop requests (of either kind) there were before this one.
    @discardableResult
    public func requestCheckpoint() -> Int {
        lock.lock()
        defer { lock.unlock() }
        checkpointRequests += 1
        return requests + checkpointRequests - 1
    }

    /// A stop of either kind was requested: no new job starts.
    public var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requests + checkpointRequests > 0
    }

    /// A stop at once was requested.
    public var stopsAtOnce: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requests > 0
    }

    /// A checkpoint-then-stop was requested.
    public var checkpointRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return checkpointRequests > 0
    }
}
