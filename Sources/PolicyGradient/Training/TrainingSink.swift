/// Where a training run streams its rows, as values; the sweep layer writes them to disk as
/// they come (their text is the results folder's, not the core's).
public protocol TrainingSink: AnyObject {
    func record(_ row: CurveRow)
    func record(_ row: VarianceRow)
    /// Given every `log_every`-th update's statistics (ignored by default).
    func record(_ statistics: UpdateStatistics)
    /// Polled before each update and, every few hundred steps, inside long collections,
    /// updates and evaluations: true asks the run to stop (reported as `interrupted`). Keep it
    /// cheap (a flag read).
    var shouldStop: Bool { get }
    /// Told the step count after every update, for progress displays (ignored by default).
    func progress(steps: Int)
    /// Given the trained policy once a run completes (ignored by default).
    func record(_ policy: SavedPolicy)
    /// The state to resume from, restored into the freshly built run before it starts; nil
    /// (the default) starts at step 0.
    var resumeSnapshot: TrainingSnapshot? { get }
    /// Polled at each update boundary: true asks the run to offer a checkpoint there and stop
    /// (`interrupted`), so that a preempted job loses nothing (false by default).
    var checkpointRequested: Bool { get }
    /// Offered at the first update boundary after every `training.checkpoint_every` steps and
    /// when `checkpointRequested`; `snapshot()` takes the run's state (ignored by default).
    func checkpoint(step: Int, _ snapshot: () -> TrainingSnapshot)
    /// Offered once when training reaches its budget, at that update boundary and before the
    /// closing curve row: the state a longer budget continues from (ignored by default).
    func finalState(step: Int, _ snapshot: () -> TrainingSnapshot)
}

extension TrainingSink {
    public func record(_ statistics: UpdateStatistics) {}
    public func progress(steps: Int) {}
    public func record(_ policy: SavedPolicy) {}
    public var resumeSnapshot: TrainingSnapshot? { nil }
    public var checkpointRequested: Bool { false }
    public func checkpoint(step: Int, _ snapshot: () -> TrainingSnapshot) {}
    public func finalState(step: Int, _ snapshot: () -> TrainingSnapshot) {}
}
