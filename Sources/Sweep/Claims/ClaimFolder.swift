import Foundation
import Results
import SystemPackage

/// The claims of an experiment folder, `<experiment>/claims/<job_id>` and `claims/report`:
/// which runner works on which job, and who builds the report (docs/robustness.md, "Claims").
///
/// A claim is a file created with `O_EXCL` (atomic on local file systems and on NFS v3 and
/// later) and never through a link. One whose owner is gone (a process of this host that no
/// longer exists) or whose heartbeat is older than `policy.staleAfter` is taken over: it is
/// renamed aside (one runner wins the rename), checked to be the claim judged stale (else it
/// is put back), removed, and created anew.
struct ClaimFolder {
    /// What became of an attempt to claim.
    enum Attempt {
        case acquired(Claim)
        /// A live owner holds it (nil while its file is being written).
        case held(ClaimRecord?)
    }

    /// `<experiment>/claims/`.
    let directory: URL
    let policy: ClaimPolicy

    init(experiment: URL, policy: ClaimPolicy) {
        directory = ExperimentFolder(directory: experiment).claims
        self.policy = policy
    }

    /// Creates the folder (a real folder, never a link).
    func prepare() throws {
        try SweepError.mappingFileErrors { try SafeFiles.makeDirectory(directory) }
    }

    /// Claims `name`, taking over a dead or stale owner's claim.
    func acquire(_ name: String) throws -> Attempt {
        let url = directory.appendingPathComponent(name)
        // Each round either creates the file or finds a live owner, unless other runners race
        // for the same stale claim; a few rounds settle that.
        for _ in 0..<4 {
            if let claim = try create(url) { return .acquired(claim) }
            guard let existing = try Self.read(url) else { continue }
            if let record = ClaimRecord.parse(existing.data), policy.isLive(record) { return .held(record) }
            if ClaimRecord.parse(existing.data) == nil && policy.isFresh(heartbeat: existing.modified) {
                return .held(nil)
            }
            if let other = try takeOver(url, judged: existing.data) { return .held(other) }
        }
        return .held(try Self.read(url).flatMap { ClaimRecord.parse($0.data) })
    }

    /// The claims held by live owners, by name, `except` those named.
    func live(except: Set<String> = []) throws -> [(name: String, record: ClaimRecord?)] {
        var found: [(String, ClaimRecord?)] = []
        let names = try SweepError.mappingFileErrors {
            (try SafeFiles.isDirectory(directory)) ? try SafeFiles.names(in: directory) : []
        }
        for name in names.sorted() where !name.hasPrefix(".") && !except.contains(name) {
            guard let existing = try Self.read(directory.appendingPathComponent(name)) else { continue }
            if let record = ClaimRecord.parse(existing.data) {
                if policy.isLive(record) { found.append((name, record)) }
            } else if policy.isFresh(heartbeat: existing.modified) {
                found.append((name, nil))
            }
        }
        return found
    }

    /// Creates the claim file with this runner's record; nil when a file is there already.
    private func create(_ url: URL) throws -> Claim? {
        let file: FileDescriptor
        do {
            file = try FileDescriptor.open(
                FilePath(url.path), .readWrite, options: [.create, .exclusiveCreate, .noFollow, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch Errno.fileExists {
            return nil
        } catch let code as Errno {
            throw SweepError.io(.failed(path: url.path, action: "create the claim", errno: code))
        }
        let record = policy.record()
        do {
            _ = try Array(record.text.utf8).withUnsafeBytes { try file.writeAll($0) }
            if fsync(file.rawValue) != 0 { throw Errno(rawValue: errno) }
        } catch {
            _ = unlink(url.path)
            try? file.close()
            let code = (error as? Errno) ?? .ioError
            throw SweepError.io(.failed(path: url.path, action: "write the claim", errno: code))
        }
        return Claim(url: url, file: file, record: record)
    }

    /// Moves the stale claim `url` aside and removes it, when it still holds `judged`; returns
    /// the record of a newer claim found there instead (put back in place), else nil.
    private func takeOver(_ url: URL, judged: Data) throws -> ClaimRecord? {
        let aside = AtomicFile.temporaryURL(for: url)
        guard rename(url.path, aside.path) == 0 else {
            if errno == ENOENT { return nil }  // another runner moved it first
            throw SweepError.io(.failed(path: url.path, action: "take over the claim", errno: Errno(rawValue: errno)))
        }
        let moved = try Self.read(aside)
        if moved?.data == judged {
            _ = unlink(aside.path)
            return nil
        }
        // Another runner renewed the claim between our read and our rename: give it back.
        _ = link(aside.path, url.path)
        _ = unlink(aside.path)
        return moved.flatMap { ClaimRecord.parse($0.data) } ?? ClaimRecord(host: "?", pid: 0, slurmJobId: nil, heartbeat: 0)
    }

    /// A claim file's bytes and modification time (seconds since 1970); nil when it is gone.
    /// Never follows a link; a claim that is not a regular file of its own is an error.
    static func read(_ url: URL) throws -> (data: Data, modified: TimeInterval)? {
        let file: FileDescriptor
        do {
            file = try FileDescriptor.open(FilePath(url.path), .readOnly, options: [.noFollow, .closeOnExec, .nonBlocking])
        } catch Errno.noSuchFileOrDirectory {
            return nil
        } catch Errno.tooManySymbolicLinkLevels {
            throw SweepError.io(.symbolicLink(path: url.path))
        } catch let code as Errno {
            throw SweepError.io(.failed(path: url.path, action: "read the claim", errno: code))
        }
        defer { try? file.close() }
        var info = stat()
        guard fstat(file.rawValue, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else {
            throw SweepError.io(
                path: url.path,
                message: "the claim file is not a regular file of its own (a link, a device or a hard link); remove it")
        }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let n = bytes.withUnsafeMutableBytes { pread(file.rawValue, $0.baseAddress, $0.count, 0) }
        #if canImport(Darwin)
        let modified = TimeInterval(info.st_mtimespec.tv_sec)
        #else
        let modified = TimeInterval(info.st_mtim.tv_sec)
        #endif
        return (Data(bytes[..<max(0, n)]), modified)
    }
}

extension ClaimFolder {
    /// What a claim file found in the folder says about its owner.
    enum Standing: Equatable {
        /// Held by an owner that may still be working (a record still being written has none).
        case live(ClaimRecord)
        /// Its owner is gone or silent longer than `policy.staleAfter`: the next runner takes it over.
        case stale
    }

    /// Every claim of the folder, by name, read without taking any. A claim file that cannot
    /// be read (removed meanwhile, not a regular file) is left out; one still being written
    /// counts as live when its file is fresh.
    func survey() -> [String: Standing] {
        guard let names = try? SafeFiles.names(in: directory) else { return [:] }
        var found: [String: Standing] = [:]
        for name in names where !name.hasPrefix(".") {
            guard let existing = try? Self.read(directory.appendingPathComponent(name)) else { continue }
            if let record = ClaimRecord.parse(existing.data) {
                found[name] = policy.isLive(record) ? .live(record) : .stale
            } else if policy.isFresh(heartbeat: existing.modified) {
                found[name] = .live(ClaimRecord(host: "?", pid: 0, slurmJobId: nil, heartbeat: Int64(existing.modified)))
            } else {
                found[name] = .stale
            }
        }
        return found
    }
}
