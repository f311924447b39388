#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Standard output or standard error, written with write(2) so that a failed write is an
/// error to remember, never a trap.
///
/// `FileHandle.write` traps when the write fails (a full disk under `2>log`, `>/dev/full`, a
/// closed pipe), which would kill a sweep for the sake of a progress line. Here each write
/// loops over partial writes and EINTR; the first failure is remembered so the command can
/// change its exit code at the end. Callers should ignore SIGPIPE so a closed pipe arrives
/// as EPIPE.
package final class StandardStream: @unchecked Sendable {
    /// File descriptor 1.
    package static let output = StandardStream(descriptor: STDOUT_FILENO, name: "standard output")
    /// File descriptor 2.
    package static let error = StandardStream(descriptor: STDERR_FILENO, name: "standard error")

    /// `standard output` or `standard error`, for messages about the stream.
    package let name: String
    private let descriptor: Int32
    private let lock = NSLock()
    private var firstError: Int32?

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// The errno of the first write that failed, nil while every write succeeded.
    package var failure: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return firstError
    }

    /// Writes all of `text`, or records why it could not; returns whether it was written.
    @discardableResult
    package func write(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        // Whole writes under one lock, so lines from different threads never interleave.
        lock.lock()
        defer { lock.unlock() }
        let error = bytes.withUnsafeBytes { writeAll($0) }
        if let error, firstError == nil { firstError = error }
        return error == nil
    }

    /// write(2) until every byte is out; the errno of the failure otherwise.
    private func writeAll(_ buffer: UnsafeRawBufferPointer) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(descriptor, base + offset, buffer.count - offset)
            if written > 0 {
                offset += written
                continue
            }
            if written == 0 { return EIO }
            let code = errno
            switch code {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                // A non-blocking descriptor inherited from the shell: wait until it drains.
                var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&poller, 1, -1)
            default:
                return code
            }
        }
        return nil
    }

    /// The description of an errno value: `No space left on device`.
    package static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// write(2), named apart from `StandardStream.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
