import Foundation

/// How many workers may take jobs: set before the workers pass their start gate, read after.
final class WorkerCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 1

    var value: Int {
        get { lock.lock(); defer { lock.unlock() }; return count }
        set { lock.lock(); count = newValue; lock.unlock() }
    }
}
