/// One submission of a sweep to a cluster, as the engine's records keep it (for SLURM
/// `slurm/submissions.json`: a list, the latest last).
package struct ClusterSubmission: Codable, Sendable, Equatable {
    /// UTC, ISO 8601, to the second.
    package var submittedAt: String
    package var config: String
    package var tasks: Int
    package var parallel: Int?
    package var arrayJobId: String
    /// Nil when the array was submitted but the report job was refused.
    package var reportJobId: String?

    package init(submittedAt: String, config: String, tasks: Int, parallel: Int?, arrayJobId: String, reportJobId: String?) {
        self.submittedAt = submittedAt
        self.config = config
        self.tasks = tasks
        self.parallel = parallel
        self.arrayJobId = arrayJobId
        self.reportJobId = reportJobId
    }

    /// The recorded job ids: the array's, then the report job's when there is one.
    package var jobIds: [String] { [arrayJobId] + (reportJobId.map { [$0] } ?? []) }

    enum CodingKeys: String, CodingKey {
        case submittedAt = "submitted_at", config, tasks, parallel
        case arrayJobId = "array_job_id", reportJobId = "report_job_id"
    }
}
