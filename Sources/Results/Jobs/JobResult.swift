import Foundation
import PolicyGradient

/// The contents of `jobs/<job_id>/result.json` (docs/architecture.md section 7), the last file a job writes.
///
/// `{"error": null, "final_return": 187.5, "seconds": 12.5, "status": "completed", "steps": 100000,
/// "steps_per_second": 8000, "files": {...}}`; `final_return` is null unless it is a number.
/// `files` records the size, line count and SHA-256 of the job's `config.yaml`, `curve.csv` and
/// `variance.csv` as written, so a damaged file is caught; it is null in a result written by
/// an earlier version, which cannot be verified.
///
/// `seconds` and `stepsPerSecond` are wall-clock figures, the only ones in a job's folder.
public struct JobResult: Sendable, Equatable, Codable {
    public var status: JobStatus
    /// Mean evaluation return at the end of training; nil when not a number.
    public var finalReturn: Double?
    public var error: String?
    public var steps: Int
    public var seconds: Double
    public var stepsPerSecond: Double
    /// The job's files as written, by file name; nil when not recorded.
    public var files: [String: FileDigest]?

    public init(
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
    }

    /// Writes every key, absent values as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(finalReturn, forKey: .finalReturn)
        try c.encode(error, forKey: .error)
        try c.encode(steps, forKey: .steps)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(stepsPerSecond, forKey: .stepsPerSecond)
        try c.encode(files, forKey: .files)
    }

    /// Pretty JSON with sorted keys and a final newline.
    public var jsonText: String { PrettyJSON.text(self) }

    /// Reads a `result.json`; nil when missing or unreadable.
    public static func read(from url: URL) -> JobResult? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(JobResult.self, from: data)
    }
}
