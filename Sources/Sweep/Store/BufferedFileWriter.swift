import Foundation
import Results
import SystemPackage

/// An append-only file written through a fixed-size buffer, so that a curve streams to disk
/// as it is produced and memory stays bounded whatever the curve's length.
///
/// The file must be new: it is created exclusively and never through a link. Errors are kept
/// rather than thrown from `append`, because rows arrive through `TrainingSink`, which cannot
/// throw; `close()` reports the first one, naming the file and the system's reason.
final class BufferedFileWriter {
    private var file: FileDescriptor?
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let path: String
    private(set) var failure: SweepError?

    /// Creates the new file at `url`.
    init(url: URL, capacity: Int = 1 << 16) throws {
        FileSizeLimit.reportAsError()
        path = url.path
        self.capacity = capacity
        do {
            file = try AtomicFile.create(url)
        } catch let error as FileSystemError {
            throw SweepError.io(error)
        }
        buffer.reserveCapacity(capacity)
    }

    deinit {
        try? file?.close()
    }

    /// Appends the UTF-8 bytes of `text`.
    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    /// Appends `bytes` as they are.
    func append(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    /// Writes the buffer out.
    func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, let file else { return }
        do {
            _ = try buffer.withUnsafeBytes { try file.writeAll($0) }
        } catch {
            failure = .io(path: path, message: "cannot write: \(Self.reason(error))")
        }
    }

    /// Flushes and closes the file; throws the first error met since it was opened.
    func close() throws {
        flush()
        if let file {
            self.file = nil
            do {
                try file.close()
            } catch {
                if failure == nil { failure = .io(path: path, message: "cannot close: \(Self.reason(error))") }
            }
        }
        if let failure { throw failure }
    }

    private static func reason(_ error: any Error) -> String {
        (error as? Errno)?.description ?? "\(error)"
    }
}
