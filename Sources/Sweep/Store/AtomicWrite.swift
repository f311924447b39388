import Foundation

/// Whole-file writes that never leave a torn file: the bytes go to a temporary file in the
/// same folder, which is then renamed over the target (rename is atomic within a file system).
///
/// No fsync: the guarantee is against a killed process, which is what a sweep meets; a power
/// loss may still lose the last files written, and the next run then redoes those jobs.
enum AtomicWrite {
    static func write(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw SweepError.io(path: temporary.path, message: "cannot write: \(error.localizedDescription)")
        }
        try rename(temporary, to: url)
    }

    /// Renames `source` over `target`, replacing it.
    static func rename(_ source: URL, to target: URL) throws {
        if Foundation.rename(source.path, target.path) != 0 {
            throw SweepError.io(path: target.path, message: "cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }
}
