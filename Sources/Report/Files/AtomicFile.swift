import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers see either the old content or the new, never a torn file.
///
/// The data goes to a hidden temporary file in the destination's folder (same file system),
/// which is then renamed over the destination with POSIX `rename(2)`, an atomic replace.
/// A process killed mid-write leaves at most a stray `.<name>.<pid>-<n>.tmp` file, never a
/// partial destination. With `durable: true` the data is also flushed to disk (`fsync`)
/// before the rename, so a power loss cannot expose an empty file either.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating missing parent folders.
    public static func write(_ data: Data, to url: URL, durable: Bool = false) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = temporaryURL(for: url)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw AtomicFileError.cannotCreate(temporary.path)
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            if durable { try handle.synchronize() }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        try replace(url, with: temporary)
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL, durable: Bool = false) throws {
        try write(Data(text.utf8), to: url, durable: durable)
    }

    /// Renames `temporary` over `destination` (atomic when both are on one file system).
    public static func replace(_ destination: URL, with temporary: URL) throws {
        if rename(temporary.path, destination.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw AtomicFileError.cannotRename(
                from: temporary.path, to: destination.path, reason: String(cString: strerror(code)))
        }
    }

    /// A fresh hidden name next to `url`: `.<name>.<pid>-<counter>.tmp`.
    ///
    /// The process id and a per-process counter keep concurrent writers apart without
    /// drawing any randomness.
    public static func temporaryURL(for url: URL) -> URL {
        let n = TemporaryCounter.shared.next()
        let name = ".\(url.lastPathComponent).\(getpid())-\(n).tmp"
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }
}
