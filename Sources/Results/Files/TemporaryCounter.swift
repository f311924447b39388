import Foundation

/// A process-wide counter for temporary file names, safe across threads.
final class TemporaryCounter: @unchecked Sendable {
    static let shared = TemporaryCounter()
    private let lock = NSLock()
    private var value: UInt64 = 0

    func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        value &+= 1
        return value
    }
}
