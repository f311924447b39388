import Foundation
import Results

/// Runs SLURM's commands (`sbatch`, `scontrol`) as child processes and captures what they print.
///
/// Foundation's `Process`, as for git and gnuplot elsewhere in the runner. Output goes to
/// files, never to pipes, so a command printing a lot can never block on a full pipe.
enum SlurmClient {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `tool` (found on `PATH`) with `arguments`; nil when `tool` is not on `PATH`.
    static func run(_ tool: String, _ arguments: [String]) throws -> Outcome? {
        guard let executable = ExecutableSearch.onPath(tool) else { return nil }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("runner-\(tool)-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
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
