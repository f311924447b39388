/// One submission of a sweep to SLURM, as `slurm/submissions.json` records it (a list, the
/// latest last).
public struct SlurmSubmission: Codable, Sendable, Equatable {
    /// UTC, ISO 8601, to the second.
    public var submittedAt: String
    public var config: String
    public var tasks: Int
    public var parallel: Int?
    public var arrayJobId: String
    /// Nil when the array was submitted but the report job was refused.
    public var reportJobId: String?

    public init(submittedAt: String, config: String, tasks: Int, parallel: Int?, arrayJobId: String, reportJobId: String?) {
        self.submittedAt = submittedAt
        self.config = config
        self.tasks = tasks
        self.parallel = parallel
        self.arrayJobId = arrayJobId
        self.reportJobId = reportJobId
    }

    enum CodingKeys: String, CodingKey {
        case submittedAt = "submitted_at", config, tasks, parallel
        case arrayJobId = "array_job_id", reportJobId = "report_job_id"
    }
}
