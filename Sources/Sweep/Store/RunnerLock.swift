import Foundation
import Results
import SystemPackage

/// An exclusive `flock` on `<results>/.lock`, so that two runners never write one folder.
///
/// `flock` locks belong to the open file description: a second open of the same file, in
/// this process or another, cannot take it, and the system drops it when the process dies,
/// so a killed runner never leaves a stale lock. The holder's pid is written into the file
/// only to name it in the error message. The file is opened without following a link and
/// must be a regular file with no other name (no hard link), so the pid never lands in
/// someone else's file.
final class RunnerLock {
    private var file: FileDescriptor?

    /// Takes the lock or throws `SweepError.locked` at once (never waits).
    init(url: URL, displayPath: String) throws {
        let lockFile: FileDescriptor
        do {
            lockFile = try FileDescriptor.open(
                FilePath(url.path), .readWrite, options: [.create, .noFollow, .closeOnExec, .nonBlocking],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch let code as Errno {
            if code == .tooManySymbolicLinkLevels { throw SweepError.io(.symbolicLink(path: url.path)) }
            throw SweepError.io(.failed(path: url.path, action: "open the lock file", errno: code))
        }
        var info = stat()
        guard fstat(lockFile.rawValue, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else {
            try? lockFile.close()
            throw SweepError.io(path: url.path, message: "the lock file is not a regular file of its own (a link, a device or a hard link); remove it")
        }
        if flock(lockFile.rawValue, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            let pid = Self.readPID(lockFile.rawValue)
            try? lockFile.close()
            if failure == EWOULDBLOCK {
                throw SweepError.locked(directory: displayPath, pid: pid)
            }
            throw SweepError.io(.failed(path: url.path, action: "lock", errno: Errno(rawValue: failure)))
        }
        file = lockFile
        let text = "\(getpid())\n"
        _ = ftruncate(lockFile.rawValue, 0)
        _ = text.withCString { pwrite(lockFile.rawValue, $0, strlen($0), 0) }
    }

    /// Releases the lock (also done by the system when the process ends).
    func release() {
        guard let file else { return }
        self.file = nil
        _ = flock(file.rawValue, LOCK_UN)
        try? file.close()
    }

    deinit { release() }

    private static func readPID(_ descriptor: Int32) -> Int? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 32, 0) }
        guard n > 0 else { return nil }
        return Int(String(decoding: bytes[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
