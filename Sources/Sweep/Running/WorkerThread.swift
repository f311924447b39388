#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts the sweep's worker threads, reporting a thread the system refuses.
///
/// Foundation's `Thread.start()` gives no sign when the system refuses a thread (too many
/// threads, or too little address space for their stacks): the body just never runs, and a
/// pool waiting for it waits forever. `pthread_create` returns the refusal.
enum WorkerThread {
    /// Stack size of a worker: trainers may recurse or keep sizeable frames, and the default
    /// for secondary threads is small.
    static let stackSize = 8 << 20

    /// Runs `body` on a new detached thread. Returns false, without running `body`, when the
    /// thread could not be created.
    static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return false }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0,
            pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) == 0
        else { return false }
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let status = pthread_create(&thread, &attributes, { context in
            WorkerThread.enter(context)
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return false
        }
        return true
    }

    /// The new thread's entry: takes back the body passed to `pthread_create` and runs it.
    private static func enter(_ context: UnsafeMutableRawPointer?) {
        guard let context else { return }
        Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
    }

    /// A closure boxed to cross `pthread_create`'s untyped argument.
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
