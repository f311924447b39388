import Foundation
import Results
import PolicyGradient

/// Resuming and restarting a job's folder.
///
/// `result.json` is written last and removed first, so its presence means every other file
/// of the folder is complete and belongs to the same run; the sizes, line counts and SHA-256
/// it records tell whether those files are still the ones written.
extension JobFiles {
    /// The stored result when the job finished with a deterministic outcome (completed or
    /// diverged) for exactly this configuration and its files are the ones `result.json`
    /// records; nil otherwise, including for a result that records no files (an earlier
    /// version's), which cannot be verified.
    func finishedResult(configText: String) -> JobResult? {
        guard let result = JobResult.read(from: result),
            result.status == .completed || result.status == .diverged,
            let recorded = result.files, Set(Self.verifiedNames).isSubset(of: recorded.keys),
            damage(against: recorded) == nil,
            let stored = try? String(contentsOf: config, encoding: .utf8), stored == configText
        else { return nil }
        return result
    }

    /// Empties the folder for a fresh run of the job, `result.json` first, then writes
    /// `config.yaml`. Nothing is followed: a link in place of the folder is an error, a link
    /// inside it is removed itself.
    func reset(configText: String) throws {
        try SweepError.mappingFileErrors {
            if try SafeFiles.isDirectory(directory) {
                try SafeFiles.removeFile(result)
                try SafeFiles.removeTree(directory)
            }
            try SafeFiles.makeDirectory(directory)
            try AtomicFile.write(configText, to: config)
        }
    }
}
