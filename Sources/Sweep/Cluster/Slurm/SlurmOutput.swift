import Foundation

/// Reads what SLURM's commands print (formats of SLURM 22.05 to 24.x).
package enum SlurmOutput {
    /// The value of the `MaxArraySize = N` line of `scontrol show config`.
    package static func parseMaxArraySize(_ text: String) -> Int? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "MaxArraySize" { return Int(parts[1]) }
        }
        return nil
    }

    /// The job id `sbatch --parsable` printed: `ID` or `ID;cluster`.
    package static func parsableJobId(_ text: String) -> String? {
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        let id = first.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return !id.isEmpty && id.allSatisfy(\.isNumber) ? id : nil
    }

    /// One state per line of `scontrol show job -o` output (an array prints one line per task).
    package static func parseJobStates(_ text: String) -> [ClusterJobState] {
        text.split(separator: "\n").compactMap { line in
            var fields: [String: String] = [:]
            for word in line.split(separator: " ") {
                let pair = word.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
            }
            guard let state = fields["JobState"] else { return nil }
            let code = (fields["ExitCode"] ?? "0:0").split(separator: ":").map { Int32($0) ?? 0 }
            return ClusterJobState(state: state, exitStatus: code.first ?? 0, signal: code.count > 1 ? code[1] : 0)
        }
    }

    /// Reads `squeue -h -o '%i %T'` output: one `ID STATE` per line; other lines are ignored.
    /// Jobs that have left the queue are not listed, which the note says when none is.
    package static func parseQueue(_ text: String) -> ClusterQueueReport {
        let entries = text.split(separator: "\n").compactMap { line -> ClusterQueueReport.Entry? in
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            return words.count == 2 ? .init(id: String(words[0]), state: String(words[1])) : nil
        }
        return ClusterQueueReport(entries: entries, note: entries.isEmpty ? "no recorded SLURM job is queued or running" : nil)
    }

    /// The arguments of the one squeue call that asks for `ids`.
    package static func squeueArguments(_ ids: [String]) -> [String] {
        ["-h", "-j", ids.joined(separator: ","), "-o", "%i %T"]
    }
}
