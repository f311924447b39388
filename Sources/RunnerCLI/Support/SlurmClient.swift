import Foundation
import Results

/// Runs SLURM's commands (`sbatch`, `scontrol`, `squeue`) as child processes and captures
/// what they print (`ChildProcess`: standard input from `/dev/null`, both outputs read to the
/// end, so a command printing a lot never blocks).
enum SlurmClient {
    /// How the command ended (`status` is 0 on success) and what it printed.
    typealias Outcome = ChildProcessOutcome

    /// Runs `tool` (found on `PATH`) with `arguments`; nil when `tool` is not on `PATH`.
    static func run(_ tool: String, _ arguments: [String]) throws -> Outcome? {
        try ChildProcess.onPath(tool, arguments: arguments)?.run()
    }

    /// `MaxArraySize` from `scontrol show config`, when scontrol is there and answers.
    static func maxArraySize() -> Int? {
        guard let outcome = try? run("scontrol", ["show", "config"]), outcome.status == 0 else { return nil }
        return parseMaxArraySize(outcome.stdout)
    }

    /// The value of the `MaxArraySize = N` line of `scontrol show config`.
    static func parseMaxArraySize(_ text: String) -> Int? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "MaxArraySize" { return Int(parts[1]) }
        }
        return nil
    }

    /// The job id `sbatch --parsable` printed: `ID` or `ID;cluster`.
    static func parsableJobId(_ text: String) -> String? {
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        let id = first.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return !id.isEmpty && id.allSatisfy(\.isNumber) ? id : nil
    }
}
