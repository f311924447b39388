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

    /// The checkpoint to resume the job from: present, readable, of this build's format, in a
    /// folder whose `config.yaml` is exactly `configText`; nil otherwise (the job starts over).
    func resumableCheckpoint(configText: String) -> JobCheckpoint? {
        guard (try? SafeFiles.isDirectory(directory)) == true,
            let stored = try? SafeFiles.contents(of: config), String(decoding: stored, as: UTF8.self) == configText,
            let data = try? Self.bytes(checkpoint)
        else { return nil }
        return try? JobCheckpoint.load(data)
    }

    /// The bytes of `url`, never through a link; nil when absent or unreadable.
    private static func bytes(_ url: URL) throws -> Data? {
        var data = Data()
        guard try SafeFiles.read(url, followingLinks: false, { data.append(contentsOf: $0) }) else { return nil }
        return data
    }

    /// Readies the folder to resume from its checkpoint: removes `result.json` first, then the
    /// row files (rewritten from the checkpoint's rows on); keeps `config.yaml` and `checkpoint`.
    func prepareResume() throws {
        try SweepError.mappingFileErrors {
            try SafeFiles.removeFile(result)
            try SafeFiles.removeFile(curve)
            try SafeFiles.removeFile(variance)
        }
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
