import PolicyGradient

/// A training sink that keeps everything a run gives it and stops or checkpoints when told to.
///
/// By default it never asks to stop, starts at step 0 and, like the protocol's default, does
/// not take the checkpoints it is offered, so that a run into it computes what any run does.
public final class RecordingSink: TrainingSink {
    /// The curve rows, in the order they came.
    public private(set) var curve: [CurveRow] = []
    /// The gradient-variance rows, in the order they came.
    public private(set) var variance: [VarianceRow] = []
    /// The update statistics, in the order they came.
    public private(set) var updates: [UpdateStatistics] = []
    /// Every policy given; a run gives one, once it completes.
    public private(set) var policies: [SavedPolicy] = []
    /// The step counts reported after each update.
    public private(set) var progressSteps: [Int] = []
    /// How many times `shouldStop` was read.
    public private(set) var polls = 0
    /// The checkpoints offered and taken (only with `takesCheckpoints`).
    public private(set) var offers: [(step: Int, snapshot: TrainingSnapshot)] = []

    /// Asks to stop once this many curve rows have come.
    public var stopAfterRows: Int?
    /// Asks to stop from the `stopAtPoll`-th reading of `shouldStop` on.
    public var stopAtPoll: Int?
    /// Takes the snapshot of every checkpoint offered and keeps it in `offers`.
    public var takesCheckpoints: Bool
    /// Asks for a checkpoint and a stop once this many checkpoints were taken.
    public var checkpointAfterOffers: Int?
    /// The state the run resumes from; nil starts at step 0.
    public var resumeSnapshot: TrainingSnapshot?

    public init(stopAfterRows: Int? = nil, stopAtPoll: Int? = nil, takesCheckpoints: Bool = false) {
        self.stopAfterRows = stopAfterRows
        self.stopAtPoll = stopAtPoll
        self.takesCheckpoints = takesCheckpoints
    }

    /// The run's policy when exactly one was given; nil when none or several were.
    public var policy: SavedPolicy? { policies.count == 1 ? policies[0] : nil }

    public func record(_ row: CurveRow) { curve.append(row) }
    public func record(_ row: VarianceRow) { variance.append(row) }
    public func record(_ statistics: UpdateStatistics) { updates.append(statistics) }
    public func record(_ policy: SavedPolicy) { policies.append(policy) }
    public func progress(steps: Int) { progressSteps.append(steps) }

    public var shouldStop: Bool {
        polls += 1
        if let stopAtPoll, polls >= stopAtPoll { return true }
        if let stopAfterRows, curve.count >= stopAfterRows { return true }
        return false
    }

    public var checkpointRequested: Bool {
        checkpointAfterOffers.map { offers.count >= $0 } ?? false
    }

    public func checkpoint(step: Int, _ snapshot: () -> TrainingSnapshot) {
        if takesCheckpoints { offers.append((step, snapshot())) }
    }
}
