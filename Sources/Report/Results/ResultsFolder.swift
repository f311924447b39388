import Experiment
import Foundation
import PolicyGradient
import Results

/// Reads the per-job files of `results/<experiment>/jobs/` for the jobs of a plan.
///
/// A job whose folder has no `result.json` has not finished: it is `missing`, and its curve
/// and variance files (possibly partial) are ignored. Finished jobs contribute their
/// `curve.csv` and `variance.csv` (either may be absent or header-only). Columns are found by
/// name, so a reordered file still reads; numbers use `csvNumber`'s format (empty = NaN).
/// A job whose files do not match what its `result.json` records (size, lines, SHA-256) is
/// damaged: it counts as missing, with the reason in `JobRecord.damage`. A `result.json`
/// that records no files (an earlier version's) is read as it stands.
public struct ResultsFolder: Sendable {
    public var directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The files of job `id`.
    public func files(ofJob id: String) -> JobFiles {
        JobFiles(root: directory, jobId: id)
    }

    /// One record per planned job, sorted by cell index then seed.
    public func records(for plan: ExperimentPlan) throws -> [JobRecord] {
        let jobs = plan.jobs.sorted { ($0.cellIndex, $0.seed) < ($1.cellIndex, $1.seed) }
        return try jobs.map { try record(id: $0.id, cellIndex: $0.cellIndex, seed: $0.seed) }
    }

    /// The record of one job.
    public func record(id: String, cellIndex: Int, seed: Int) throws -> JobRecord {
        let job = files(ofJob: id)
        let resultURL = job.result
        guard let data = try SafeFiles.contents(of: resultURL) else {
            return JobRecord(id: id, cellIndex: cellIndex, seed: seed, status: nil, finalReturn: .nan, steps: nil)
        }
        let result: JobResult
        do {
            result = try JSONDecoder().decode(JobResult.self, from: data)
        } catch {
            throw ReportError.unreadable(path: resultURL.path, reason: "not a result.json: \(error)")
        }
        if let recorded = result.files, let damage = job.damage(against: recorded) {
            var record = JobRecord(id: id, cellIndex: cellIndex, seed: seed, status: nil, finalReturn: .nan, steps: nil)
            record.damage = damage
            return record
        }
        let status = result.status
        let finalReturn = status == .completed ? (result.finalReturn ?? .nan) : .nan
        return JobRecord(
            id: id, cellIndex: cellIndex, seed: seed, status: status, finalReturn: finalReturn,
            steps: result.steps,
            curve: try Self.curve(at: job.curve),
            variance: try Self.variance(at: job.variance))
    }

    /// The rows of a `curve.csv`; none when the file is absent.
    public static func curve(at url: URL) throws -> [CurveRow] {
        guard let table = try table(at: url) else { return [] }
        return try locating(url) { try CurveRow.rows(in: table) }
    }

    /// The rows of a `variance.csv`; none when the file is absent or empty.
    public static func variance(at url: URL) throws -> [VarianceRow] {
        guard let table = try table(at: url) else { return [] }
        return try locating(url) { try VarianceRow.rows(in: table) }
    }

    /// Runs `read`, naming the file `url` in the `ReportError` of a row that does not read.
    private static func locating<T>(_ url: URL, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error as CSVError {
            throw ReportError.unreadable(path: url.path, reason: "\(error)")
        }
    }

    static func table(at url: URL) throws -> CSVTable? {
        guard let data = try SafeFiles.contents(of: url) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError.unreadable(path: url.path, reason: "not UTF-8")
        }
        do {
            return try CSVTable(parsing: text)
        } catch {
            throw ReportError.unreadable(path: url.path, reason: "\(error)")
        }
    }
}
