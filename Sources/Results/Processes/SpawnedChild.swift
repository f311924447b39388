import CChildSpawn

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child started by `pg_spawn_child`, read to the end of both outputs and reaped on the
/// calling thread.
///
/// No thread, no Dispatch and no Swift task is involved, so the wait needs nothing the
/// system may refuse under tight limits (a thread's stack, another descriptor) once the child
/// runs, and signals reach the runner's own handlers while it waits.
struct SpawnedChild {
    let pid: pid_t
    let executable: String
    /// The read ends of the child's standard output and standard error, in that order.
    private let outputs: [Int32]

    /// Attempts at starting an executable the system calls busy (`ETXTBSY`), 10 ms apart.
    static let busyAttempts = 100

    /// Starts `command`; throws `ChildProcessError` with the system's reason when it cannot.
    ///
    /// `ETXTBSY` is tried again: an executable just written (a script a moment ago) stays busy
    /// while any process that forked in between still holds the writer's descriptor, which
    /// ends when that process execs or exits; Go's os/exec retries the same way.
    static func start(_ command: ChildProcess) throws -> SpawnedChild {
        let path = command.executable.path
        var pid: pid_t = 0, standardOutput: Int32 = -1, standardError: Int32 = -1
        var error: Int32 = 0
        for attempt in 1...busyAttempts {
            error = try CStringArray.with([path] + command.arguments, executable: path) { argv in
                if let directory = command.workingDirectory?.path {
                    return pg_spawn_child(path, argv, directory, &pid, &standardOutput, &standardError)
                }
                return pg_spawn_child(path, argv, nil, &pid, &standardOutput, &standardError)
            }
            guard error == ETXTBSY, attempt < busyAttempts else { break }
            usleep(10_000)
        }
        guard error == 0 else {
            throw ChildProcessError(executable: path, reason: String(cString: strerror(error)))
        }
        return SpawnedChild(pid: pid, executable: path, outputs: [standardOutput, standardError])
    }

    /// Reads both outputs to their end at once (a child blocked writing one must not wait for
    /// us to finish the other), keeping the first `limit` bytes of each, then reaps the child.
    /// With `stopRequested`, looks at it every `Self.stopCheckInterval` milliseconds and kills
    /// the child once it returns true.
    func finish(keeping limit: Int, stoppingWhen stopRequested: (@Sendable () -> Bool)?) throws -> ChildProcessOutcome {
        var captures = [BoundedCapture(limit: limit), BoundedCapture(limit: limit)]
        var polled = outputs.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var failure: Int32?
        var stopped = false
        let timeout = stopRequested == nil ? -1 : Self.stopCheckInterval
        // On the stack: a buffer the heap might refuse is never needed.
        withUnsafeTemporaryAllocation(byteCount: 16384, alignment: 16) { buffer in
            while failure == nil, !stopped, polled.contains(where: { $0.fd >= 0 }) {
                guard poll(&polled, nfds_t(polled.count), timeout) >= 0 else {
                    if errno != EINTR { failure = errno }
                    continue
                }
                if stopRequested?() == true {
                    stopped = true
                    break
                }
                for index in polled.indices where polled[index].fd >= 0 && polled[index].revents != 0 {
                    let count = read(polled[index].fd, buffer.baseAddress, buffer.count)
                    if count > 0 {
                        captures[index].append(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                    } else if count == 0 || errno != EINTR {
                        if count < 0 { failure = errno }
                        close(polled[index].fd)
                        polled[index].fd = -1
                    }
                }
            }
        }
        for entry in polled where entry.fd >= 0 { close(entry.fd) }
        // A child whose output can no longer be read would block on a full pipe: end it.
        if failure != nil || stopped { kill(pid, SIGKILL) }
        guard let termination = try reap(stoppingWhen: stopped ? nil : stopRequested), !stopped else {
            throw ChildProcessError(executable: executable, reason: "stopped: the runner was asked to stop")
        }
        if let failure {
            throw ChildProcessError(executable: executable, reason: "cannot read its output: \(String(cString: strerror(failure)))")
        }
        return ChildProcessOutcome(
            termination: termination, stdout: captures[0].text, stderr: captures[1].text,
            stdoutTruncated: captures[0].truncated, stderrTruncated: captures[1].truncated)
    }

    /// Waits for the child to end and collects its status, so that no zombie is left; nil
    /// when `stopRequested` returned true first (the child is then killed and reaped).
    private func reap(stoppingWhen stopRequested: (@Sendable () -> Bool)?) throws -> ChildTermination? {
        var status: Int32 = 0
        var stopped = false
        // A child that closed its outputs may still run: with a stop to watch, poll for its end.
        let options = stopRequested == nil ? 0 : WNOHANG
        while true {
            let result = waitpid(pid, &status, stopped ? 0 : options)
            if result == pid { return stopped ? nil : ChildTermination(waitStatus: status) }
            if result < 0 {
                guard errno == EINTR else {
                    throw ChildProcessError(executable: executable, reason: "cannot wait for it: \(String(cString: strerror(errno)))")
                }
                continue
            }
            if stopRequested?() == true {
                kill(pid, SIGKILL)
                stopped = true
            } else {
                poll(nil, 0, Self.stopCheckInterval)
            }
        }
    }

    /// Milliseconds between two looks at a stop request.
    static let stopCheckInterval: Int32 = 100
}
