import Foundation

/// Runs `body` on a new thread, outside Swift's cooperative pool (as the runner's main and
/// worker threads are), and returns what it returns. Tests use it for synchronous code that
/// blocks its thread on async work, which must not hold a thread of the pool.
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
