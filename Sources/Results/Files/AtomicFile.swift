import Foundation
import SystemPackage

/// Writes files so that readers see either the old content or the new, never a torn file.
///
/// The data goes to a hidden temporary file in the destination's folder (same file system),
/// created exclusively and never through a link, which is then renamed over the destination
/// with POSIX `rename(2)`, an atomic replace that replaces a link at the destination's name
/// rather than writing through it. A process killed mid-write leaves at most a stray
/// `.<name>.<pid>.<counter>.tmp` file (removed by the next run), never a partial destination.
/// With `durable: true` the data is also flushed to disk (`fsync`) before the rename, so a
/// power loss cannot expose an empty file either. Errors are `FileSystemError`s.
package enum AtomicFile {
    /// Writes `data` to `url` atomically, creating missing parent folders; `executable` makes
    /// the file executable by everyone who may read it (before the rename, so that it is never
    /// seen otherwise).
    package static func write(_ data: Data, to url: URL, durable: Bool = false, executable: Bool = false) throws {
        FileSizeLimit.reportAsError()
        try SafeFiles.makeDirectories(url.deletingLastPathComponent())
        let temporary = temporaryURL(for: url)
        let file = try create(temporary, executable: executable)
        do {
            try file.closeAfter {
                _ = try data.withUnsafeBytes { try file.writeAll($0) }
                if durable && fsync(file.rawValue) != 0 { throw Errno(rawValue: errno) }
            }
        } catch {
            _ = unlink(temporary.path)
            if let code = error as? Errno { throw FileSystemError.failed(path: url.path, action: "write", errno: code) }
            throw error
        }
        try replace(url, with: temporary)
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    package static func write(_ text: String, to url: URL, durable: Bool = false) throws {
        try write(Data(text.utf8), to: url, durable: durable)
    }

    /// Creates the new file `url` for writing, failing if anything (a link included) is there.
    package static func create(_ url: URL, executable: Bool = false) throws -> FileDescriptor {
        let readable: FilePermissions = [.ownerReadWrite, .groupRead, .otherRead]
        do {
            return try FileDescriptor.open(
                FilePath(url.path), .writeOnly, options: [.create, .exclusiveCreate, .noFollow, .closeOnExec],
                permissions: executable ? readable.union([.ownerExecute, .groupExecute, .otherExecute]) : readable)
        } catch let code as Errno {
            throw FileSystemError.failed(path: url.path, action: "create", errno: code)
        }
    }

    /// Renames `temporary` over `destination` (atomic when both are on one file system).
    package static func replace(_ destination: URL, with temporary: URL) throws {
        if rename(temporary.path, destination.path) != 0 {
            let failure = FileSystemError.lastError(destination.path, "replace it with \(temporary.lastPathComponent)")
            _ = unlink(temporary.path)
            throw failure
        }
    }

    /// A fresh hidden name next to `url`: `.<name>.<pid>.<counter>.tmp`.
    ///
    /// The process id and a per-process counter keep concurrent writers apart without
    /// drawing any randomness, and tell a later run whether the writer is still alive.
    package static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(TemporaryName.fresh(for: url.lastPathComponent))
    }
}
