/// The state of one SLURM job (or of each task of an array), read from `scontrol show job -o`.
struct SlurmJobState: Equatable {
    /// `JobState=`, e.g. PENDING, RUNNING, COMPLETED, FAILED.
    var state: String
    /// The exit status of the script, the part of `ExitCode=S:G` before the colon.
    var exitStatus: Int32
    /// The signal that ended it, the part after the colon (0 when none).
    var signal: Int32

    /// States after which SLURM will not run the job again by itself.
    static let ended: Set<String> = [
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE",
    ]

    var hasEnded: Bool { Self.ended.contains(state) }

    /// One state per line of `scontrol show job -o` output (an array prints one line per task).
    static func parse(_ text: String) -> [SlurmJobState] {
        text.split(separator: "\n").compactMap { line in
            var fields: [String: String] = [:]
            for word in line.split(separator: " ") {
                let pair = word.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
            }
            guard let state = fields["JobState"] else { return nil }
            let code = (fields["ExitCode"] ?? "0:0").split(separator: ":").map { Int32($0) ?? 0 }
            return SlurmJobState(state: state, exitStatus: code.first ?? 0, signal: code.count > 1 ? code[1] : 0)
        }
    }
}
