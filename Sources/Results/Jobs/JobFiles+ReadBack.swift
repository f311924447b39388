import Foundation
import PolicyGradient

/// Reading a finished job's folder back, believing nothing that is not checked.
extension JobFiles {
    /// The job's folder as it stands: `unfinished` without `result.json`; `damaged` when
    /// `result.json` does not decode, is not a regular file, or records files or figures its
    /// folder contradicts; else `finished` with the parsed rows.
    ///
    /// Checked in order: `result.json` itself; the size, lines and SHA-256 of each file it
    /// records; that `curve.csv` and `variance.csv` parse; that its steps and final return are
    /// those of the last curve row (`JobResult.contradiction(with:)`). A result of an earlier
    /// version records no files: it is read as it stands (`FinishedJob.verified` is false). No file is followed through a link,
    /// and none but a regular file is opened for reading.
    public func readBack() -> JobFolderReading {
        let data: Data
        do {
            var bytes = Data()
            guard try SafeFiles.read(result, followingLinks: false, { bytes.append(contentsOf: $0) }) else {
                return .unfinished
            }
            data = bytes
        } catch {
            return .damaged("\(error)")
        }
        let stored: JobResult
        do {
            stored = try JSONDecoder().decode(JobResult.self, from: data)
        } catch {
            return .damaged("\(result.path): cannot decode: \(DecodingFailure.reason(error))")
        }
        if let recorded = stored.files {
            // A record that leaves a file out vouches for nothing about it.
            if let absent = Self.verifiedNames.first(where: { recorded[$0] == nil }) {
                return .damaged("\(result.path) records no checksum of \(absent)")
            }
            if let damage = damage(against: recorded) { return .damaged(damage) }
        }
        let curveRows: [CurveRow], varianceRows: [VarianceRow]
        do {
            curveRows = try Self.table(at: curve).map { try CurveRow.rows(in: $0) } ?? []
        } catch let error as FileSystemError {
            return .damaged("\(error)")
        } catch {
            return .damaged("\(curve.path): cannot parse: \(error)")
        }
        do {
            varianceRows = try Self.table(at: variance).map { try VarianceRow.rows(in: $0) } ?? []
        } catch let error as FileSystemError {
            return .damaged("\(error)")
        } catch {
            return .damaged("\(variance.path): cannot parse: \(error)")
        }
        if stored.files != nil, let contradiction = stored.contradiction(with: curveRows) {
            return .damaged("\(result.path) \(contradiction)")
        }
        return .finished(FinishedJob(result: stored, curve: curveRows, variance: varianceRows))
    }

    /// The parsed CSV at `url`, never through a link; nil when absent. Throws `CSVError`, or
    /// a `FileSystemError` naming the file.
    private static func table(at url: URL) throws -> CSVTable? {
        var data = Data()
        guard try SafeFiles.read(url, followingLinks: false, { data.append(contentsOf: $0) }) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else { throw CSVError.notUTF8 }
        return try CSVTable(parsing: text)
    }
}
