import Foundation
import Testing

/// Whether a SLURM cluster answers here (tools/slurm/start.sh starts a single-node one).
enum SlurmCluster {
    /// Set (to 1) where a cluster must be there: a missing one then fails the tests.
    static let required = ProcessInfo.processInfo.environment["RUNNER_REQUIRE_SLURM"] == "1"

    /// Nil when `sinfo` lists a node ready for jobs, else why not.
    static let unavailability: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "command -v sbatch >/dev/null || { echo 'sbatch is not on PATH'; exit 1; }; "
            + "sinfo -h -N -o %T 2>&1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "/bin/sh could not be started" }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let states = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        if process.terminationStatus == 0, states.contains(where: { ["idle", "mixed", "allocated", "completing"].contains($0) }) {
            return nil
        }
        let said = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return "no working SLURM (\(said.isEmpty ? "sinfo lists no node" : said)); start one with tools/slurm/start.sh"
    }()

    /// True when the cluster tests should run: a cluster answers, or one is required (then
    /// its absence is a failure, recorded by `check()`).
    static var shouldRun: Bool {
        if let why = unavailability, !required {
            FileHandle.standardError.write(Data("SLURM cluster tests skipped: \(why)\n".utf8))
            return false
        }
        return true
    }

    /// False, with a recorded failure, when the cluster is required but absent.
    static func check() -> Bool {
        guard let why = unavailability else { return true }
        Issue.record("RUNNER_REQUIRE_SLURM=1 but \(why)")
        return false
    }

    /// Cancels the jobs recorded in `folder/slurm/submissions.json`, so that a failed test
    /// leaves nothing queued.
    static func cancelRecorded(in folder: URL) {
        let file = folder.appendingPathComponent("slurm/submissions.json")
        guard let data = try? Data(contentsOf: file),
            let records = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]]
        else { return }
        let ids = records.flatMap { [$0["array_job_id"], $0["report_job_id"]].compactMap { $0 as? String } }
        guard !ids.isEmpty, let process = try? Process.run(URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "scancel \"$@\"", "scancel"] + ids)
        else { return }
        process.waitUntilExit()
    }
}
