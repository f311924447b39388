import Dispatch
import Foundation

/// A thread-safe request to stop a sweep: no new job starts, and running jobs end as
/// `interrupted`, either at once (`requestStop`: they see it through `TrainingSink.shouldStop`)
/// or at their next update boundary after saving a checkpoint there (`requestCheckpoint`: they
/// see it through `TrainingSink.checkpointRequested`), at once all the same when a checkpoint
/// request's grace runs out first.
package final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var requests = 0
    private var checkpointRequests = 0
    /// When a checkpoint request turns into a stop at once (uptime nanoseconds); nil: never.
    private var deadline: UInt64?
    /// Uptime in nanoseconds; tests replace it.
    private let now: @Sendable () -> UInt64

    package init(now: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }) {
        self.now = now
    }

    /// Asks the sweep to stop at once. Returns how many stop requests (of either kind) there
    /// were before this one.
    @discardableResult
    package func requestStop() -> Int {
        lock.lock()
        defer { lock.unlock() }
        requests += 1
        return requests + checkpointRequests - 1
    }

    /// Asks running jobs to save a checkpoint at their next update boundary and stop there;
    /// with `grace` (seconds), jobs still short of a boundary when it runs out stop at once.
    /// Returns how many stop requests (of either kind) there were before this one.
    @discardableResult
    package func requestCheckpoint(grace: Double? = nil) -> Int {
        lock.lock()
        defer { lock.unlock() }
        checkpointRequests += 1
        if let grace {
            let end = now() &+ UInt64(max(0, grace) * 1e9)
            deadline = min(deadline ?? end, end)
        }
        return requests + checkpointRequests - 1
    }

    /// A stop of either kind was requested: no new job starts.
    package var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requests + checkpointRequests > 0
    }

    /// A stop at once was requested, or a checkpoint request's grace ran out.
    package var stopsAtOnce: Bool {
        lock.lock()
        defer { lock.unlock() }
        if requests > 0 { return true }
        guard let deadline else { return false }
        return now() >= deadline
    }

    /// A checkpoint-then-stop was requested.
    package var checkpointRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return checkpointRequests > 0
    }
}
