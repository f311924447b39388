import Foundation
import SystemPackage

/// File-system operations on a results folder that never follow a symbolic link they did not
/// create, and whose errors name the path and the system's reason (`FileSystemError`).
///
/// Links are allowed above the experiment folder (where the user chose to keep results); every
/// folder the runner writes into or deletes from inside it must be a real folder.
package enum SafeFiles {
    /// Creates the folder `url` and its missing ancestors. Existing ancestors may be links (the
    /// user's choice of where results go) but must lead to folders.
    package static func makeDirectories(_ url: URL) throws {
        let path = url.standardizedFileURL.path
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw FileSystemError.failed(path: path, action: "create the folder", errno: .notDirectory)
            }
            return
        }
        guard errno == ENOENT else { throw FileSystemError.lastError(path, "create the folder") }
        let parent = url.standardizedFileURL.deletingLastPathComponent()
        if parent.path != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw FileSystemError.lastError(path, "create the folder") }
    }

    /// Creates the folder `url` if it is missing (its parent must exist) and checks that it is a
    /// real folder, not a symbolic link to one.
    package static func makeDirectory(_ url: URL) throws {
        if mkdir(url.path, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError.lastError(url.path, "create the folder")
        }
        guard try isDirectory(url) else {
            throw FileSystemError.failed(path: url.path, action: "create the folder", errno: .noSuchFileOrDirectory)
        }
    }

    /// Whether the real folder `url` exists: false when nothing is there; throws when it is a
    /// symbolic link or not a folder.
    package static func isDirectory(_ url: URL) throws -> Bool {
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw FileSystemError.lastError(url.path, "inspect")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return true
        case S_IFLNK: throw FileSystemError.symbolicLink(path: url.path)
        default: throw FileSystemError.failed(path: url.path, action: "use it as a folder", errno: .notDirectory)
        }
    }

    /// The bytes of the file at `url`; nil when there is none. Other failures (a folder, no
    /// permission) throw, naming the file and the reason. Unless `followingLinks`, a link at
    /// `url` is an error naming it.
    package static func contents(of url: URL, followingLinks: Bool = true) throws -> Data? {
        var data = Data()
        guard try read(url, followingLinks: followingLinks, { data.append(contentsOf: $0) }) else { return nil }
        return data
    }

    /// Reads the file at `url` in pieces of up to 64 KiB, handing each to `body` in order.
    /// Returns false when there is no such file; other failures throw, naming the file and
    /// the reason. Unless `followingLinks`, a link at `url` is an error naming it.
    ///
    /// Only a regular file is read: a FIFO, device, socket or folder in its place is refused
    /// (`FileSystemError.notRegularFile`) before it is opened, since opening one can block,
    /// release a writer waiting on a FIFO, or make a terminal the controlling one. The file is
    /// then opened without blocking and checked again through the descriptor, in case
    /// something else was put in its place meanwhile.
    @discardableResult
    package static func read(
        _ url: URL, followingLinks: Bool = true, _ body: (UnsafeRawBufferPointer) -> Void
    ) throws -> Bool {
        var info = stat()
        guard (followingLinks ? stat(url.path, &info) : lstat(url.path, &info)) == 0 else {
            if errno == ENOENT { return false }
            throw FileSystemError.lastError(url.path, "read")
        }
        if info.st_mode & S_IFMT == S_IFLNK { throw FileSystemError.symbolicLink(path: url.path) }
        if let kind = kind(of: info.st_mode) { throw FileSystemError.notRegularFile(path: url.path, kind: kind) }
        let file: FileDescriptor
        do {
            var options: FileDescriptor.OpenOptions = [.closeOnExec, .nonBlocking]
            if !followingLinks { options.insert(.noFollow) }
            file = try FileDescriptor.open(
                FilePath(url.path), .readOnly, options: options.union(.init(rawValue: O_NOCTTY)))
        } catch let code as Errno {
            if code == .noSuchFileOrDirectory { return false }
            if code == .tooManySymbolicLinkLevels && !followingLinks { throw FileSystemError.symbolicLink(path: url.path) }
            throw FileSystemError.failed(path: url.path, action: "read", errno: code)
        }
        do {
            try checkRegular(file.rawValue, url.path)
        } catch {
            try? file.close()
            throw error
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        do {
            try file.closeAfter {
                while true {
                    let n = try file.read(into: buffer)
                    if n == 0 { break }
                    body(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
                }
            }
        } catch let code as Errno {
            throw FileSystemError.failed(path: url.path, action: "read", errno: code)
        }
        return true
    }

    /// Throws unless `url` is a regular file (a link to one counts): `notRegularFile` for a
    /// FIFO, device, socket or folder, found by `stat` without opening it; the system's
    /// reason otherwise.
    package static func checkRegularFile(_ url: URL) throws {
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw FileSystemError.lastError(url.path, "read") }
        if let kind = kind(of: info.st_mode) { throw FileSystemError.notRegularFile(path: url.path, kind: kind) }
    }

    /// Throws unless the open descriptor `descriptor` (of `path`) is a regular file.
    private static func checkRegular(_ descriptor: CInt, _ path: String) throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileSystemError.lastError(path, "inspect") }
        if let kind = kind(of: info.st_mode) { throw FileSystemError.notRegularFile(path: path, kind: kind) }
    }

    /// What a file of mode `mode` is when it is not a regular file ("a FIFO", "a folder", …);
    /// nil for a regular file.
    static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFIFO: "a FIFO"
        case S_IFDIR: "a folder"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFLNK: "a symbolic link"
        default: "not a file"
        }
    }

    /// Removes the file or link `url` itself, never what a link points to; nothing when absent.
    package static func removeFile(_ url: URL) throws {
        if unlink(url.path) != 0 && errno != ENOENT { throw FileSystemError.lastError(url.path, "remove") }
    }

    /// Removes whatever stands at `url`, never following a link: a file, link, FIFO or other
    /// entry itself, a real folder with everything in it; nothing when absent.
    package static func removeItem(_ url: URL) throws {
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            if errno == ENOENT { return }
            throw FileSystemError.lastError(url.path, "remove")
        }
        if info.st_mode & S_IFMT == S_IFDIR { try removeTree(url) } else { try removeFile(url) }
    }

    /// Removes the folder `url` and everything in it without following any link (a link inside
    /// is removed itself); nothing when absent. Throws when `url` itself is a link.
    package static func removeTree(_ url: URL) throws {
        guard try isDirectory(url) else { return }
        try removeContents(of: url)
        if rmdir(url.path) != 0 && errno != ENOENT { throw FileSystemError.lastError(url.path, "remove") }
    }

    /// Removes, anywhere under the folder `url` (links not followed), the temporaries
    /// `.<name>.<pid>.<counter>.tmp` whose writer is no longer running. Returns their paths.
    /// Folders for which `skipping` is true are left alone (another host's writer may be at work
    /// there, whose pid means nothing here).
    @discardableResult
    package static func removeStaleTemporaries(in url: URL, skipping: (URL) -> Bool = { _ in false }) throws -> [String] {
        var removed: [String] = []
        for (name, type) in try entries(of: url) {
            let child = url.appendingPathComponent(name)
            if type == .directory {
                if skipping(child) { continue }
                removed += try removeStaleTemporaries(in: child, skipping: skipping)
            } else if type == .file, let pid = TemporaryName.writer(of: name), !isRunning(pid) {
                try removeFile(child)
                removed.append(child.path)
            }
        }
        return removed
    }

    /// Whether process `pid` exists (this process counts as running).
    static func isRunning(_ pid: pid_t) -> Bool {
        if pid == getpid() { return true }
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    private static func removeContents(of url: URL) throws {
        for (name, type) in try entries(of: url) {
            let child = url.appendingPathComponent(name)
            if type == .directory {
                try removeContents(of: child)
                if rmdir(child.path) != 0 && errno != ENOENT { throw FileSystemError.lastError(child.path, "remove") }
            } else {
                try removeFile(child)
            }
        }
    }

    /// The names in the folder `url` (not `.` or `..`), the folder opened without following a
    /// link; failures name the folder and the system's reason.
    package static func names(in url: URL) throws -> [String] {
        try entries(of: url).map(\.0)
    }

    /// The entries of the folder `url` with their types (from `lstat`, so a link is a link),
    /// the folder itself opened without following a link.
    private static func entries(of url: URL) throws -> [(String, EntryKind)] {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw FileSystemError.symbolicLink(path: url.path) }
            throw FileSystemError.lastError(url.path, "list the folder")
        }
        guard let stream = fdopendir(descriptor) else {
            let failure = FileSystemError.lastError(url.path, "list the folder")
            _ = close(descriptor)
            throw failure
        }
        defer { closedir(stream) }
        var result: [(String, EntryKind)] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw FileSystemError.lastError(url.path, "list the folder") }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                if errno == ENOENT { continue }
                throw FileSystemError.lastError(url.appendingPathComponent(name).path, "inspect")
            }
            let type: EntryKind = switch info.st_mode & S_IFMT {
            case S_IFDIR: .directory
            case S_IFREG: .file
            default: .other
            }
            result.append((name, type))
        }
        return result
    }

    /// What `lstat` says a folder entry is; a symbolic link is `other`, never a folder.
    private enum EntryKind { case directory, file, other }
}
