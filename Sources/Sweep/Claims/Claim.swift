import Foundation
import Results
import SystemPackage

/// A claim this runner holds: the claim file it created, kept open so that its heartbeat is
/// refreshed in place and so that it can tell whether another runner has taken it over.
///
/// Writing through the descriptor it created means a refresh never lands in a takeover's new
/// file: after a takeover the descriptor names the old, unlinked file.
final class Claim: @unchecked Sendable {
    /// `claims/<name>`.
    let url: URL
    private let lock = NSLock()
    private var file: FileDescriptor?
    private var record: ClaimRecord

    init(url: URL, file: FileDescriptor, record: ClaimRecord) {
        self.url = url
        self.file = file
        self.record = record
    }

    deinit { release() }

    /// The claim's name: a job id or `report`.
    var name: String { url.lastPathComponent }

    /// Writes a fresh heartbeat from `policy`'s clock. Failures are ignored: a claim that
    /// cannot be refreshed goes stale and is taken over, which is the right outcome for a
    /// runner cut off from its folder.
    func refresh(_ policy: ClaimPolicy) {
        lock.lock()
        defer { lock.unlock() }
        guard let file else { return }
        record.heartbeat = Int64(policy.now().timeIntervalSince1970)
        let bytes = Array(record.text.utf8)
        let written = bytes.withUnsafeBytes { pwrite(file.rawValue, $0.baseAddress, $0.count, 0) }
        if written == bytes.count {
            _ = ftruncate(file.rawValue, off_t(bytes.count))
            _ = fsync(file.rawValue)
        }
    }

    /// The heartbeat last written (seconds since 1970).
    var heartbeat: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return record.heartbeat
    }

    /// Whether `claims/<name>` is still the file this runner created (not taken over).
    var isHeld: Bool {
        lock.lock()
        defer { lock.unlock() }
        return holdsFile()
    }

    /// Removes the claim file, unless another runner has taken it over, and closes it.
    func release() {
        lock.lock()
        defer { lock.unlock() }
        guard let file else { return }
        if holdsFile() { _ = unlink(url.path) }
        try? file.close()
        self.file = nil
    }

    private func holdsFile() -> Bool {
        guard let file else { return false }
        var open = stat(), named = stat()
        guard fstat(file.rawValue, &open) == 0, lstat(url.path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }
}
