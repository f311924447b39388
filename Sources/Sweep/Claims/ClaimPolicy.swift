import Foundation

/// Who this runner is, what time it is, and when another owner counts as gone: the parts of
/// the claim protocol that tests replace (a fixed clock, a liveness oracle).
package struct ClaimPolicy: Sendable {
    /// A claim whose heartbeat is older than this is taken over, whoever holds it: its owner
    /// is dead on another host, hung, or cut off from the shared folder.
    package static let defaultStaleAfter: TimeInterval = 600
    /// How often a runner refreshes the heartbeat of the claims it holds.
    package static let defaultHeartbeatInterval: TimeInterval = 30
    /// How often a runner with idle workers, while others of its workers still run jobs, looks
    /// again at the jobs other runners held when it met them.
    package static let defaultRecheckInterval: TimeInterval = 30

    package var host: String
    package var pid: Int32
    package var slurmJobId: String?
    package var staleAfter: TimeInterval
    package var heartbeatInterval: TimeInterval
    package var recheckInterval: TimeInterval
    package var now: @Sendable () -> Date
    /// Whether process `pid` of this host exists.
    package var isAlive: @Sendable (Int32) -> Bool

    package init(
        host: String = ProcessInfo.processInfo.hostName, pid: Int32 = getpid(),
        slurmJobId: String? = ClaimPolicy.slurmJobId(ProcessInfo.processInfo.environment),
        staleAfter: TimeInterval = ClaimPolicy.defaultStaleAfter,
        heartbeatInterval: TimeInterval = ClaimPolicy.defaultHeartbeatInterval,
        recheckInterval: TimeInterval = ClaimPolicy.defaultRecheckInterval,
        now: @escaping @Sendable () -> Date = { Date() },
        isAlive: @escaping @Sendable (Int32) -> Bool = ClaimPolicy.processExists
    ) {
        self.host = host
        self.pid = pid
        self.slurmJobId = slurmJobId
        self.staleAfter = staleAfter
        self.heartbeatInterval = heartbeatInterval
        self.recheckInterval = recheckInterval
        self.now = now
        self.isAlive = isAlive
    }

    /// The record this runner writes now.
    func record() -> ClaimRecord {
        ClaimRecord(host: host, pid: pid, slurmJobId: slurmJobId, heartbeat: Int64(now().timeIntervalSince1970))
    }

    /// Whether the owner of `record` may still be working: not a process of this host that is
    /// gone, and a heartbeat younger than `staleAfter`.
    func isLive(_ record: ClaimRecord) -> Bool {
        if record.host == host && !isAlive(record.pid) { return false }
        return isFresh(heartbeat: TimeInterval(record.heartbeat))
    }

    /// Whether a heartbeat (seconds since 1970) is younger than `staleAfter`.
    func isFresh(heartbeat: TimeInterval) -> Bool {
        now().timeIntervalSince1970 - heartbeat < staleAfter
    }

    /// `SLURM_ARRAY_JOB_ID_SLURM_ARRAY_TASK_ID` for an array task, else `SLURM_JOB_ID`, else nil.
    package static func slurmJobId(_ environment: [String: String]) -> String? {
        if let array = environment["SLURM_ARRAY_JOB_ID"], let task = environment["SLURM_ARRAY_TASK_ID"],
            !array.isEmpty, !task.isEmpty
        {
            return "\(array)_\(task)"
        }
        return environment["SLURM_JOB_ID"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether process `pid` exists on this host (`kill(pid, 0)`; EPERM means it exists).
    package static let processExists: @Sendable (Int32) -> Bool = { pid in
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno != ESRCH
    }
}
