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
            curveRows = try Self.rows(at: curve, CurveRow.rows(in:))
            varianceRows = try Self.rows(at: variance, VarianceRow.rows(in:))
        } catch {
            return .damaged("\(error)")
        }
        if stored.files != nil, let contradiction = stored.contradiction(with: curveRows) {
            return .damaged("\(result.path) \(contradiction)")
        }
        return .finished(FinishedJob(result: stored, curve: curveRows, variance: varianceRows))
    }

    /// The rows of the CSV at `url`, never through a link; none when it is absent. Throws a
    /// `FileSystemError`, or `<path>: cannot parse: <reason>` for text that does not parse.
    private static func rows<Row>(at url: URL, _ parse: (CSVTable) throws -> [Row]) throws -> [Row] {
        var data = Data()
        guard try SafeFiles.read(url, followingLinks: false, { data.append(contentsOf: $0) }) else { return [] }
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
