#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks, before the runner's first Dispatch timer or signal source, that the system gives
/// the process the threads libdispatch will start for them.
///
/// libdispatch starts its threads (its manager, and a worker to run a handler) when the first
/// source is resumed, with the default stack (`ulimit -s`, usually 8 MiB). When the system
/// refuses one (too little address space under `ulimit -v`), libdispatch sleeps and retries
/// inside `resume()` for ever, so the runner would hang there. Starting that many threads at
/// once, and ending them, first turns the refusal into an error to report.
enum DispatchHeadroom {
    /// Threads started at once: the manager and one worker.
    static let threads = 2

    /// Throws `SweepError.threadsRefused` with the system's reason when `threads` threads with
    /// the default stack cannot run at the same time.
    static func check() throws {
        let gate = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        defer { gate.deallocate() }
        pthread_mutex_init(gate, nil)
        defer { pthread_mutex_destroy(gate) }
        // Every probe thread waits at the gate, so that all of them hold their stacks at once.
        pthread_mutex_lock(gate)
        var started: [pthread_t] = []
        var refusal: Int32 = 0
        for _ in 0..<threads {
            #if canImport(Darwin)
            var thread: pthread_t?
            #else
            var thread = pthread_t()
            #endif
            refusal = pthread_create(&thread, nil, { gate in
                let mutex = gate!.assumingMemoryBound(to: pthread_mutex_t.self)
                pthread_mutex_lock(mutex)
                pthread_mutex_unlock(mutex)
                return nil
            }, gate)
            guard refusal == 0 else { break }
            #if canImport(Darwin)
            started.append(thread!)
            #else
            started.append(thread)
            #endif
        }
        pthread_mutex_unlock(gate)
        for thread in started { pthread_join(thread, nil) }
        guard refusal == 0 else {
            throw SweepError.threadsRefused(reason: String(cString: strerror(refusal)))
        }
    }
}
