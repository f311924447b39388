/// The contents of `jobs/<job_id>/result.json` (DESIGN section 7).
///
/// `{"status": "completed", "final_return": 187.5, "error": null, "steps": 100000,
/// "seconds": 12.5, "steps_per_second": 8000}`; `final_return` is null unless the job completed.
/// Wall-clock fields are decoded but never copied into a CSV.
public struct JobResult: Codable, Sendable, Equatable {
    public var status: String
    public var finalReturn: Double?
    public var error: String?
    public var steps: Int?
    public var seconds: Double?
    public var stepsPerSecond: Double?

    public init(
        status: String, finalReturn: Double?, error: String? = nil, steps: Int?, seconds: Double? = nil,
        stepsPerSecond: Double? = nil
    ) {
        self.status = status
        self.finalReturn = finalReturn
        self.error = error
        self.steps = steps
        self.seconds = seconds
        self.stepsPerSecond = stepsPerSecond
    }

    enum CodingKeys: String, CodingKey {
        case status
        case finalReturn = "final_return"
        case error, steps, seconds
        case stepsPerSecond = "steps_per_second"
    }
}
