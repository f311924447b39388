/// What a finished (or stopped) training run reports.
public struct TrainingOutcome: Sendable, Equatable {
    public var status: JobStatus
    /// Mean evaluation return at the end of training (NaN unless completed).
    public var finalReturn: Double
    /// Environment steps taken.
    public var steps: Int
    /// A message for diverged and failed jobs.
    public var error: String?

    public init(status: JobStatus, finalReturn: Double, steps: Int, error: String? = nil) {
        self.status = status
        self.finalReturn = finalReturn
        self.steps = steps
        self.error = error
    }
}
