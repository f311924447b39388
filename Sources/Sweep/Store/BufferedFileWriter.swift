import Foundation

/// An append-only file written through a fixed-size buffer, so that a curve streams to disk
/// as it is produced and memory stays bounded whatever the curve's length.
///
/// Errors are kept rather than thrown from `append`, because rows arrive through
/// `TrainingSink`, which cannot throw; `close()` reports the first one.
final class BufferedFileWriter {
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let path: String
    private(set) var failure: SweepError?

    /// Creates (or truncates) the file at `url`.
    init(url: URL, capacity: Int = 1 << 16) throws {
        path = url.path
        self.capacity = capacity
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            throw SweepError.io(path: path, message: "cannot create: \(String(cString: strerror(errno)))")
        }
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
    }

    /// Appends the UTF-8 bytes of `text`.
    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    /// Writes the buffer out.
    func flush() {
        guard failure == nil, descriptor >= 0 else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .io(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
                    return
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; throws the first error met since it was opened.
    func close() throws {
        flush()
        if descriptor >= 0 {
            if Foundation.close(descriptor) != 0, failure == nil {
                failure = .io(path: path, message: "cannot close: \(String(cString: strerror(errno)))")
            }
            descriptor = -1
        }
        if let failure { throw failure }
    }
}
