#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pool's side of the pipes: waiting for the workers' replies (with the stop condition and
/// their output drained meanwhile), and writes to a dead worker failing instead of killing the runner.
extension GymnasiumWorkerPool {
    /// Waits for one reply line from each of `workers`, draining their output meanwhile; the
    /// replies in worker order. A failure reply, a worker's end or the stop condition throws;
    /// `firstWorker` is the pool's index of `workers[0]`, for the copy a failure names.
    static func awaitReplies(
        from workers: [GymnasiumWorker], spec: GymnasiumEnvironmentSpec, interpreter: String,
        copiesPerWorker: Int, firstWorker: Int = 0, stoppingWhen stopRequested: (() -> Bool)?
    ) throws(GymnasiumBridgeError) -> [WorkerReply] {
        var replies = [WorkerReply?](repeating: nil, count: workers.count)
        while replies.contains(where: { $0 == nil }) {
            let waiting = workers.indices.filter { replies[$0] == nil }
            let outputs = workers.indices.filter { workers[$0].output >= 0 }
            var polled = waiting.map { pollfd(fd: workers[$0].replies, events: Int16(POLLIN), revents: 0) }
                + outputs.map { pollfd(fd: workers[$0].output, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), stopCheckInterval)
            if ready < 0 && errno != EINTR {
                throw .system(operation: "wait for the Gymnasium workers", reason: String(cString: strerror(errno)))
            }
            if stopRequested?() == true { throw .stopped }
            guard ready > 0 else { continue }
            for (slot, index) in outputs.enumerated() where polled[waiting.count + slot].revents != 0 {
                workers[index].drainOutput()
            }
            for (slot, index) in waiting.enumerated() where polled[slot].revents != 0 {
                guard let line = try workers[index].readReply(stoppingWhen: stopRequested) else { continue }
                let reply = line == WorkerReply.successLine ? WorkerReply.success : try WorkerReply.decode(line)
                guard reply.ok else {
                    throw reply.failure(
                        spec: spec, interpreter: interpreter, firstCopy: (firstWorker + index) * copiesPerWorker)
                }
                replies[index] = reply
            }
        }
        return replies.map { $0! }
    }

    /// A write to a worker that died must fail with `EPIPE`, not end the runner with `SIGPIPE`:
    /// ignores `SIGPIPE` unless the process already handles it.
    static func ignoreBrokenPipes() {
        var current = sigaction()
        guard sigaction(SIGPIPE, nil, &current) == 0 else { return }
        #if canImport(Glibc)
        let isDefault = current.__sigaction_handler.sa_handler == nil
        #else
        let isDefault = current.__sigaction_u.__sa_handler == nil
        #endif
        if isDefault { signal(SIGPIPE, SIG_IGN) }
    }
}
