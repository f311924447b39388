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
/// A job whose `result.json` does not read, whose files do not match what it records (size,
/// lines, SHA-256) or do not parse, or whose figures contradict its curve is damaged: it
/// counts as missing, with the reason in `JobRecord.damage`, and the report goes on. A
/// `result.json` that records no files (an earlier version's) is read as it stands.
extension ExperimentFolder {
    /// One record per planned job, sorted by cell index then seed.
    package func records(for plan: ExperimentPlan) -> [JobRecord] {
        let jobs = plan.jobs.sorted { ($0.cellIndex, $0.seed) < ($1.cellIndex, $1.seed) }
        return jobs.map { record(id: $0.id, cellIndex: $0.cellIndex, seed: $0.seed) }
    }

    /// The record of one job: `missing` without `result.json`; `damaged`, with the reason,
    /// when its `result.json` or a file it vouches for cannot be believed
    /// (`JobFiles.readBack()`); else its status, figures and rows.
    package func record(id: String, cellIndex: Int, seed: Int) -> JobRecord {
        switch job(id).readBack() {
        case .unfinished:
            return JobRecord(id: id, cellIndex: cellIndex, seed: seed, status: nil, finalReturn: .nan, steps: nil)
        case .damaged(let reason):
            var record = JobRecord(id: id, cellIndex: cellIndex, seed: seed, status: nil, finalReturn: .nan, steps: nil)
            record.damage = reason
            return record
        case .finished(let job):
            let status = job.result.status
            var record = JobRecord(
                id: id, cellIndex: cellIndex, seed: seed, status: status,
                finalReturn: status == .completed ? (job.result.finalReturn ?? .nan) : .nan,
                steps: job.result.steps, curve: job.curve, variance: job.variance)
            record.unverified = !job.verified
            return record
        }
    }
}
