/// Asks a sink whether to stop at most once per `interval` units of work (environment steps,
/// PPO minibatch terms), so that a long collection, update or evaluation can be abandoned
/// without a measurable cost in its loop.
///
/// Polling reads a flag and changes nothing else: a run that is never stopped computes exactly
/// what it would without the polls.
final class StopPoll {
    /// Units of work between two questions: one question per 256 environment steps (or per
    /// vector step when it steps 256 copies or more) costs nothing beside the steps themselves
    /// and still comes thousands of times a second.
    static let interval = 256

    /// The sink asked; nil outside `run(sink:)`, where nothing stops.
    var source: (any TrainingSink)?
    /// A question was answered yes: the work in progress was abandoned, its results are
    /// meaningless, and the run ends `interrupted`.
    private(set) var isStopped = false
    private var work = 0

    /// Asks the source now (false outside `run(sink:)`), without counting work: for copies in
    /// another process, which ask while they wait for it.
    func sourceWantsStop() -> Bool {
        if let source, source.shouldStop { isStopped = true }
        return isStopped
    }

    /// Counts `units` of work and asks the source each time `interval` units have passed.
    /// Returns true once a stop was seen (and from then on).
    @inline(__always)
    func stopRequested(after units: Int) -> Bool {
        work &+= units
        if work >= Self.interval {
            work = 0
            if let source, source.shouldStop { isStopped = true }
        }
        return isStopped
    }
}
