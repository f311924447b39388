import Foundation
import PolicyGradient

/// The contents of `jobs/<job_id>/result.json` (DESIGN section 7), the last file a job writes.
///
/// `{"error": null, "final_return": 187.5, "seconds": 12.5, "status": "completed", "steps": 100000,
/// "steps_per_second": 8000}`; `final_return` is null unless it is a number.
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

    public init(status: JobStatus, finalReturn: Double?, error: String?, steps: Int, seconds: Double) {
        self.status = status
        self.finalReturn = finalReturn.flatMap { $0.isFinite ? $0 : nil }
        self.error = error
        self.steps = steps
        self.seconds = seconds
        self.stepsPerSecond = seconds > 0 ? Double(steps) / seconds : 0
    }

    enum CodingKeys: String, CodingKey {
        case status
        case finalReturn = "final_return"
        case error, steps, seconds
        case stepsPerSecond = "steps_per_second"
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
    }

    /// Pretty JSON with sorted keys and a final newline.
    public var jsonText: String { PrettyJSON.text(self) }

    /// Reads a `result.json`; nil when missing or unreadable.
    public static func read(from url: URL) -> JobResult? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(JobResult.self, from: data)
    }
}
