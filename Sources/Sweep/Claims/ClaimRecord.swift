import Foundation

/// The contents of a claim file: who holds the job (or the report) and when it last said so.
///
/// `{"heartbeat": 1764520000, "host": "node12", "pid": 4242, "slurm_job_id": "81234_7"}`, one
/// line of JSON with sorted keys. `heartbeat` is whole seconds since 1970 on the owner's clock;
/// it keeps its width (ten digits until the year 2286), so a refresh rewrites the file in place
/// without changing its size and a reader sees the old line or the new one.
package struct ClaimRecord: Sendable, Equatable, Codable {
    package var host: String
    package var pid: Int32
    /// `SLURM_JOB_ID` (with `_<task>` for an array task) of the owner, when it runs under SLURM.
    package var slurmJobId: String?
    /// Seconds since 1970, refreshed while the owner runs.
    package var heartbeat: Int64

    package init(host: String, pid: Int32, slurmJobId: String?, heartbeat: Int64) {
        self.host = host
        self.pid = pid
        self.slurmJobId = slurmJobId
        self.heartbeat = heartbeat
    }

    enum CodingKeys: String, CodingKey {
        case host, pid, heartbeat
        case slurmJobId = "slurm_job_id"
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(host, forKey: .host)
        try c.encode(pid, forKey: .pid)
        try c.encode(slurmJobId, forKey: .slurmJobId)
        try c.encode(heartbeat, forKey: .heartbeat)
    }

    /// One line of JSON, sorted keys, ending with a newline.
    package var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a record; nil for a file being created (empty) or not a record.
    package static func parse(_ data: Data) -> ClaimRecord? {
        try? JSONDecoder().decode(ClaimRecord.self, from: data)
    }

    /// `host node12, pid 4242, SLURM job 81234_7`, for messages.
    package var owner: String {
        "host \(host), pid \(pid)" + (slurmJobId.map { ", SLURM job \($0)" } ?? "")
    }
}
