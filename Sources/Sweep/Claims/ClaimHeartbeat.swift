import Dispatch
import Foundation

/// Refreshes the heartbeat of every claim a runner holds, every `policy.heartbeatInterval`
/// seconds, on a timer of its own, so that a job busy in a long computation still shows
/// itself alive.
final class ClaimHeartbeat: @unchecked Sendable {
    private let policy: ClaimPolicy
    private let lock = NSLock()
    private var claims: [ObjectIdentifier: Claim] = [:]
    private let timer: DispatchSourceTimer

    /// Throws `SweepError.threadsRefused` when the system would not give the timer its threads
    /// (`DispatchHeadroom`), rather than hang.
    init(policy: ClaimPolicy) throws {
        try DispatchHeadroom.check()
        self.policy = policy
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "sweep.claims.heartbeat"))
        let interval = max(policy.heartbeatInterval, 0.001)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in self?.beat() }
        timer.resume()
    }

    /// Refreshes `claim` from now on.
    func add(_ claim: Claim) {
        lock.lock()
        claims[ObjectIdentifier(claim)] = claim
        lock.unlock()
    }

    /// Stops refreshing `claim` (before releasing it).
    func remove(_ claim: Claim) {
        lock.lock()
        claims[ObjectIdentifier(claim)] = nil
        lock.unlock()
    }

    /// Refreshes every claim held.
    func beat() {
        lock.lock()
        let held = Array(claims.values)
        lock.unlock()
        for claim in held { claim.refresh(policy) }
    }

    /// Stops the timer.
    func stop() {
        timer.cancel()
    }

    deinit { timer.cancel() }
}
