/// How a job ended.
public enum JobStatus: String, Sendable, Codable {
    case completed
    /// A NaN or Inf appeared; the job stopped at `TrainingOutcome.steps`.
    case diverged
    /// The job threw an error.
    case failed
    /// The sweep was stopped while the job ran.
    case interrupted
}
