import Foundation
import Report
import PolicyGradient

/// The files of one job: `jobs/<job_id>/{config.yaml, curve.csv, variance.csv, result.json}`.
///
/// `result.json` is written last and removed first, so its presence means every other file
/// of the folder is complete and belongs to the same run.
struct JobFolder {
    let url: URL

    init(root: URL, jobId: String) {
        url = root.appendingPathComponent("jobs").appendingPathComponent(jobId)
    }

    var config: URL { url.appendingPathComponent("config.yaml") }
    var curve: URL { url.appendingPathComponent("curve.csv") }
    var variance: URL { url.appendingPathComponent("variance.csv") }
    var result: URL { url.appendingPathComponent("result.json") }

    /// The stored result when the job finished with a deterministic outcome (completed or
    /// diverged) for exactly this configuration and its curves are present; nil otherwise.
    func finishedResult(configText: String) -> JobResult? {
        guard let result = JobResult.read(from: result),
            result.status == .completed || result.status == .diverged,
            let stored = try? String(contentsOf: config, encoding: .utf8), stored == configText,
            FileManager.default.fileExists(atPath: curve.path),
            FileManager.default.fileExists(atPath: variance.path)
        else { return nil }
        return result
    }

    /// Empties the folder for a fresh run of the job, `result.json` first, then writes
    /// `config.yaml`.
    func reset(configText: String) throws {
        let fm = FileManager.default
        if unlink(result.path) != 0 && errno != ENOENT {
            throw SweepError.io(path: result.path, message: "cannot remove: \(String(cString: strerror(errno)))")
        }
        do {
            if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
            try fm.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw SweepError.io(path: url.path, message: "cannot reset the job folder: \(error.localizedDescription)")
        }
        try AtomicFile.write(configText, to: config)
    }
}
