import Foundation
import Report
import PolicyGradient

/// Resuming and restarting a job's folder.
///
/// `result.json` is written last and removed first, so its presence means every other file
/// of the folder is complete and belongs to the same run.
extension JobFiles {
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
            if fm.fileExists(atPath: directory.path) { try fm.removeItem(at: directory) }
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SweepError.io(path: directory.path, message: "cannot reset the job folder: \(error.localizedDescription)")
        }
        try AtomicFile.write(configText, to: config)
    }
}
