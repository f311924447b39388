import Foundation
import Results

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
