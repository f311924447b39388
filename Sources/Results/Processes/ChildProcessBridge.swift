import Dispatch
import Foundation

/// Runs the asynchronous work of `ChildProcess` to completion for a synchronous caller.
///
/// swift-subprocess is async; the runner's callers are synchronous and run on threads of
/// their own: CLI commands on the main thread, the end-of-sweep report on the main thread or
/// a sweep worker (a pthread, `WorkerThread`). The caller blocks on a semaphore while the work
/// runs as a detached task on Swift's cooperative pool. That cannot deadlock, because the
/// blocked thread is never one the work needs: the work runs on the pool and on
/// swift-subprocess's own I/O and monitor threads, and nothing in it waits for the caller.
///
/// A thread of the cooperative pool itself (a test, or a synchronous function called from
/// async code) must not block here: swift-subprocess needs a thread of that pool (it starts
/// unstructured tasks), and with every thread of the pool blocked in this wait none would be
/// left (seen with two callers on a two-core machine). `ChildProcess.run()` therefore checks
/// `onCooperativePool` first and runs the child through `PoolThreadChildProcess` there;
/// async code awaits the async `run()`.
enum ChildProcessBridge {
    /// Whether the calling thread is running a Swift task, that is, is a thread of the
    /// cooperative pool (or of an executor of its own) rather than a thread of the runner's.
    static var onCooperativePool: Bool { withUnsafeCurrentTask { $0 != nil } }

    /// Runs `work` and blocks the calling thread until it returns or throws.
    static func wait<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        let outcome = Outcome<Value>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { outcome.set(.success(try await work())) } catch { outcome.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return try outcome.get()
    }

    /// The result, handed from the task to the waiting thread.
    private final class Outcome<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<Value, any Error>?

        func set(_ value: Result<Value, any Error>) { lock.withLock { result = value } }
        func get() throws -> Value { try lock.withLock { result! }.get() }
    }
}
