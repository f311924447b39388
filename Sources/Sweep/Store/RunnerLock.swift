import Foundation

/// An exclusive `flock` on `<results>/.lock`, so that two runners never write one folder.
///
/// `flock` locks belong to the open file description: a second open of the same file, in
/// this process or another, cannot take it, and the system drops it when the process dies,
/// so a killed runner never leaves a stale lock. The holder's pid is written into the file
/// only to name it in the error message.
final class RunnerLock {
    private var descriptor: Int32

    /// Takes the lock or throws `SweepError.locked` at once (never waits).
    init(url: URL, displayPath: String) throws {
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            throw SweepError.io(path: url.path, message: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            let pid = Self.readPID(descriptor)
            _ = close(descriptor)
            descriptor = -1
            if failure == EWOULDBLOCK {
                throw SweepError.locked(directory: displayPath, pid: pid)
            }
            throw SweepError.io(path: url.path, message: "cannot lock: \(String(cString: strerror(failure)))")
        }
        let text = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// Releases the lock (also done by the system when the process ends).
    func release() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    private static func readPID(_ descriptor: Int32) -> Int? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 32, 0) }
        guard n > 0 else { return nil }
        return Int(String(decoding: bytes[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
