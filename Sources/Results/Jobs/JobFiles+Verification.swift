import Foundation

/// Checking a finished job's files against what its `result.json` records.
extension JobFiles {
    /// The files `result.json` vouches for, by name.
    public static let verifiedNames = ["config.yaml", "curve.csv", "variance.csv"]
    /// Files `result.json` also vouches for when the job wrote them: a completed job's policy
    /// (a job finished by an earlier version has none and stays finished).
    public static let optionalVerifiedNames = ["policy.json"]

    /// The digests of the verified files present now (an absent file is left out).
    public func currentDigests() throws -> [String: FileDigest] {
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

    /// What is wrong with the job's files against `recorded`; nil when every recorded file is
    /// there with the recorded size, lines and SHA-256.
    public func damage(against recorded: [String: FileDigest]) -> String? {
        do {
            guard try SafeFiles.isDirectory(directory) else { return "the job folder is missing" }
        } catch {
            return "\(error)"
        }
        for name in recorded.keys.sorted() {
            guard let expected = recorded[name] else { continue }
            do {
                let actual = try FileDigest.of(directory.appendingPathComponent(name))
                if let why = expected.mismatch(actual) { return "\(name) has \(why)" }
            } catch FileSystemError.failed(_, _, .noSuchFileOrDirectory) {
                return "\(name) is missing"
            } catch {
                return "\(error)"
            }
        }
        return nil
    }
}
