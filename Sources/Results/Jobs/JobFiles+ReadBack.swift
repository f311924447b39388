import Foundation
import PolicyGradient

/// Reading a finished job's folder back, believing nothing that is not checked.
extension JobFiles {
    /// The job's folder as it stands: `unfinished` without `result.json`; `damaged` when
    /// `result.json` does not decode, is not a regular file, or records files or figures its
    /// folder contradicts; else `finished` with the parsed rows and the policy's bytes.
    ///
    /// Each file is read once, and what is checked is what is used: `result.json` itself; the
    /// size, lines and SHA-256 of each file it records (leaving one of `verifiedNames` out is
    /// damage too); that `curve.csv` and `variance.csv` parse; that its steps and final return
    /// are those of the last curve row (`JobResult.contradiction(with:)`). A result of an
    /// earlier version records no files: it is read as it stands (`FinishedJob.verified` is
    /// false). No file is followed through a link, and none but a regular file is opened.
    package func readBack() -> JobFolderReading {
        do {
            guard let data = try SafeFiles.contents(of: result, followingLinks: false) else { return .unfinished }
            let stored: JobResult
            do {
                stored = try JSONDecoder().decode(JobResult.self, from: data)
            } catch {
                return .damaged("\(result.path): cannot decode: \(DecodingFailure.reason(error))")
            }
            var files: [String: Data] = [:]
            for name in Self.verifiedNames + Self.optionalVerifiedNames {
                files[name] = try SafeFiles.contents(of: directory.appendingPathComponent(name), followingLinks: false)
            }
            if let recorded = stored.files {
                // A record that leaves a file out vouches for nothing about it.
                if let absent = Self.verifiedNames.first(where: { recorded[$0] == nil }) {
                    return .damaged("\(result.path) records no checksum of \(absent)")
                }
                for (name, expected) in recorded.sorted(by: { $0.key < $1.key }) {
                    guard let bytes = files[name] else { return .damaged("\(name) is missing") }
                    if let why = expected.mismatch(FileDigest.of(bytes: bytes)) { return .damaged("\(name) has \(why)") }
                }
            }
            let curveRows = try Self.rows(files["curve.csv"], at: curve, CurveRow.rows(in:))
            let varianceRows = try Self.rows(files["variance.csv"], at: variance, VarianceRow.rows(in:))
            if stored.files != nil, let contradiction = stored.contradiction(with: curveRows) {
                return .damaged("\(result.path) \(contradiction)")
            }
            return .finished(FinishedJob(
                result: stored, curve: curveRows, variance: varianceRows, policy: files["policy.json"]))
        } catch {
            return .damaged("\(error)")
        }
    }

    /// The rows of the CSV `data` read from `url`; none when the file is absent. Throws
    /// `<path>: cannot parse: <reason>` for text that does not parse.
    private static func rows<Row>(_ data: Data?, at url: URL, _ parse: (CSVTable) throws -> [Row]) throws -> [Row] {
        guard let data else { return [] }
        do {
            guard let text = String(data: data, encoding: .utf8) else { throw CSVError.notUTF8 }
            return try parse(try CSVTable(parsing: text))
        } catch {
            throw ParseFailure(description: "\(url.path): cannot parse: \(error)")
        }
    }

    /// A row file that does not parse, in words.
    private struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }
}

/// Checking a finished job's files against what its `result.json` records.
extension JobFiles {
    /// The files `result.json` vouches for, by name.
    package static let verifiedNames = ["config.yaml", "curve.csv", "variance.csv"]
    /// Files `result.json` also vouches for when the job wrote them: a completed job's policy
    /// and the per-update diagnostics (a job finished by an earlier version has neither and
    /// stays finished).
    package static let optionalVerifiedNames = ["policy.json", "updates.csv"]

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
