import Foundation
import PolicyGradient

/// The contents of `jobs/<job_id>/result.json` (docs/architecture.md, "The results folder"), the last file a job writes.
///
/// `{"error": null, "final_return": 187.5, "seconds": 12.5, "status": "completed", "steps": 100000,
/// "steps_per_second": 8000, "files": {...}}`; `final_return` is null unless it is a number.
/// `files` records the size, line count and SHA-256 of the job's `config.yaml`, `curve.csv` and
/// `variance.csv` as written, so a damaged file is caught; it is null in a result written by
/// an earlier version, which cannot be verified. `restarts` and `resumed_from_steps` say how
/// often, and from which steps, the job was resumed from a checkpoint. `environment_versions`
/// (only for an environment stepped in another process) names the software that stepped it.
///
/// `seconds` and `stepsPerSecond` are wall-clock figures, the only ones in a job's folder.
package struct JobResult: Sendable, Equatable, Codable {
    package var status: JobStatus
    /// Mean evaluation return at the end of training; nil when not a number.
    package var finalReturn: Double?
    package var error: String?
    package var steps: Int
    package var seconds: Double
    package var stepsPerSecond: Double
    /// The job's files as written, by file name; nil when not recorded.
    package var files: [String: FileDigest]?
    /// How many times the job was resumed from a checkpoint (0 for an uninterrupted run).
    package var restarts = 0
    /// The step each resumption started from, oldest first (`restarts` entries).
    package var resumedFromSteps: [Int] = []
    /// The versions of the software that stepped an environment in another process (Python,
    /// Gymnasium, NumPy, the environment's package); nil for a native environment.
    package var environmentVersions: [String: String]?
    /// The shorter run this job trained on from (its job id and the step of its final state),
    /// when it continued one (docs/architecture.md, "Continuing training"); nil otherwise.
    package var continuedFrom: ContinuedFrom?

    /// The shorter run a job continued.
    package struct ContinuedFrom: Codable, Sendable, Equatable {
        package var jobId: String
        package var step: Int
        package init(jobId: String, step: Int) {
            self.jobId = jobId
            self.step = step
        }
        enum CodingKeys: String, CodingKey {
            case jobId = "job_id"
            case step
        }
    }

    package init(
        status: JobStatus, finalReturn: Double?, error: String?, steps: Int, seconds: Double,
        files: [String: FileDigest]? = nil
    ) {
        self.status = status
        self.finalReturn = finalReturn.flatMap { $0.isFinite ? $0 : nil }
        self.error = error
        self.steps = steps
        self.seconds = seconds
        self.stepsPerSecond = seconds > 0 ? Double(steps) / seconds : 0
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case status
        case finalReturn = "final_return"
        case error, steps, seconds
        case stepsPerSecond = "steps_per_second"
        case files
        case restarts
        case resumedFromSteps = "resumed_from_steps"
        case environmentVersions = "environment_versions"
        case continuedFrom = "continued_from"
    }

    /// Reads every key; `restarts` and `resumed_from_steps` may be missing (an earlier
    /// version's result), meaning none.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(JobStatus.self, forKey: .status)
        finalReturn = try c.decodeIfPresent(Double.self, forKey: .finalReturn)
        error = try c.decodeIfPresent(String.self, forKey: .error)
        steps = try c.decode(Int.self, forKey: .steps)
        seconds = try c.decode(Double.self, forKey: .seconds)
        stepsPerSecond = try c.decode(Double.self, forKey: .stepsPerSecond)
        files = try c.decodeIfPresent([String: FileDigest].self, forKey: .files)
        restarts = try c.decodeIfPresent(Int.self, forKey: .restarts) ?? 0
        resumedFromSteps = try c.decodeIfPresent([Int].self, forKey: .resumedFromSteps) ?? []
        environmentVersions = try c.decodeIfPresent([String: String].self, forKey: .environmentVersions)
        continuedFrom = try c.decodeIfPresent(ContinuedFrom.self, forKey: .continuedFrom)
    }

    /// Writes every key, absent values as `null`.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(finalReturn, forKey: .finalReturn)
        try c.encode(error, forKey: .error)
        try c.encode(steps, forKey: .steps)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(stepsPerSecond, forKey: .stepsPerSecond)
        try c.encode(files, forKey: .files)
        try c.encode(restarts, forKey: .restarts)
        try c.encode(resumedFromSteps, forKey: .resumedFromSteps)
        try c.encodeIfPresent(environmentVersions, forKey: .environmentVersions)
        try c.encodeIfPresent(continuedFrom, forKey: .continuedFrom)
    }

    /// Pretty JSON with sorted keys and a final newline.
    package var jsonText: String { PrettyJSON.text(self) }

    /// Reads a `result.json`; nil when missing or unreadable, or not a regular file (never
    /// opened for a blocking read). It is not checked against the job's files:
    /// `JobFiles.readBack()` does that.
    package static func read(from url: URL) -> JobResult? {
        guard let data = try? SafeFiles.contents(of: url, followingLinks: false) else { return nil }
        return try? JSONDecoder().decode(JobResult.self, from: data)
    }
}

/// Checking `result.json`'s own figures against the checksummed curve they summarise.
extension JobResult {
    /// What in this result contradicts `curve` (the job's `curve.csv` rows), as the rest of a
    /// sentence (`records final_return 996.0 where the last row of curve.csv has 106.0`); nil
    /// when nothing does.
    ///
    /// A completed job's `steps` is the step of its last curve row and its `final_return` that
    /// row's `eval_return_mean` (both written from the same evaluation; a non-finite mean is
    /// recorded as null), so an edited figure shows. A diverged job records no final return
    /// and stopped at or after its last row. `restarts` counts `resumed_from_steps`.
    package func contradiction(with curve: [CurveRow]) -> String? {
        if steps < 0 { return "records \(steps) steps" }
        if restarts != resumedFromSteps.count {
            return "records \(restarts) restarts but \(resumedFromSteps.count) resumption steps"
        }
        switch status {
        case .completed:
            guard let last = curve.last else { return "records a completed job, but curve.csv has no rows" }
            if last.step != steps {
                return "records \(steps) steps where the last row of curve.csv is at step \(last.step)"
            }
            let expected: Double? = last.evalReturnMean.isFinite ? last.evalReturnMean : nil
            if finalReturn != expected {
                return "records final_return \(finalReturn.map(csvNumber) ?? "null") where the last row of curve.csv "
                    + "has eval_return_mean \(expected.map(csvNumber) ?? "null")"
            }
        case .diverged:
            if let finalReturn { return "records final_return \(csvNumber(finalReturn)) for a diverged job" }
            if let last = curve.last, last.step > steps {
                return "records \(steps) steps where curve.csv goes on to step \(last.step)"
            }
        case .failed, .interrupted:
            break
        }
        return nil
    }
}
