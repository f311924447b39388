import Foundation

/// Checking a finished job's files against what its `result.json` records.
extension JobFiles {
    /// The files `result.json` vouches for, by name.
    package static let verifiedNames = ["config.yaml", "curve.csv", "variance.csv"]
    /// Files `result.json` also vouches for when the job wrote them: a completed job's policy
    /// (a job finished by an earlier version has none and stays finished).
    package static let optionalVerifiedNames = ["policy.json"]

    /// The digests of the verified files present now (an absent file is left out).
    package func currentDigests() throws -> [String: FileDigest] {
        var digests: [String: FileDigest] = [:]
        for name in Self.verifiedNames + Self.optionalVerifiedNames {
            do {
                digests[name] = try FileDigest.of(directory.appendingPathComponent(name))
            } catch FileSystemError.failed(_, _, .noSuchFileOrDirectory) {
                continue
            }
        }
        return digests
    }
}
