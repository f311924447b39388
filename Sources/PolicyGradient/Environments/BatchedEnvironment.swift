/// `numEnvs` copies of one environment stepped in lockstep, as the trainer drives them: the
/// native `VectorEnvironment`, or copies stepped by another process (a Gymnasium environment
/// through the bridge, docs/environments.md).
///
/// After `reset` and after each `step`, the buffers follow Stable-Baselines3's vectorized
/// convention, which `VectorEnvironment` documents: a copy whose episode ended has already been
/// reset, `observations` holds its new episode's first observation and `finalObservations` the
/// one it ended in; `finishedEpisodes` lists the episodes that ended in that step, in copy order.
///
/// Stepping does not throw, so that the native copies cost nothing for it: copies that can fail
/// (another process died, an environment raised, an observation was NaN) record it in `fault`,
/// stop stepping (every later call only marks each copy terminated, so any loop over episodes
/// ends) and the trainer ends the run when it next looks.
public protocol BatchedEnvironment: AnyObject {
    /// Number of copies (N).
    var numEnvs: Int { get }
    /// Observation length of one copy.
    var observationSize: Int { get }
    /// The copies' action space.
    var actionSpace: ActionSpace { get }

    /// Current observations, `numEnvs × observationSize`, row-major.
    var observations: EnvironmentBuffer<Float> { get }
    /// Observations of the states episodes ended in, valid in the rows of copies whose
    /// `terminated` or `truncated` flag is set after the last step.
    var finalObservations: EnvironmentBuffer<Float> { get }
    /// Rewards of the last step, one per copy.
    var rewards: EnvironmentBuffer<Double> { get }
    /// Whether each copy entered a terminal state in the last step.
    var terminated: EnvironmentBuffer<Bool> { get }
    /// Whether each copy hit its time limit in the last step.
    var truncated: EnvironmentBuffer<Bool> { get }
    /// Episodes that ended in the last step, in copy order.
    var finishedEpisodes: EnvironmentBuffer<FinishedEpisode> { get }

    /// Why stepping stopped, once it has; nil while the copies work.
    var fault: EnvironmentFault? { get }

    /// Starts a new episode in every copy, continuing each copy's randomness, and clears the
    /// episode statistics.
    func reset()

    /// Steps every copy with a discrete action; `actions.count == numEnvs`.
    func step(discrete actions: UnsafeBufferPointer<Int>)

    /// Steps every copy with row i of the row-major `numEnvs × actionDimension` Float32 actions.
    func step(continuous actions: UnsafeBufferPointer<Float>)

    /// Normalizes every observation from now on with `normalizer`, starting with the current
    /// ones, as after a reset.
    func normalize(with normalizer: EnvironmentNormalizer)

    /// Everything that determines how the copies continue (for a checkpoint or a replayed
    /// evaluation); nil when the copies' state cannot be read.
    func savedCopies() -> EnvironmentCopiesState?

    /// Puts copies saved by `savedCopies()` back. Throws `TrainerError` when they do not fit.
    func restoreCopies(_ saved: EnvironmentCopiesState) throws

    /// Makes every copy a clone of `source`'s copy of the same index, keeping this batch's own
    /// randomness (the variance meter's `start: continue`); copies that cannot be cloned set
    /// `fault` (the experiment reader refuses such a measurement first).
    func cloneCopies(from source: Self)

    /// Copy i's internal state in the order `setState` takes it; nil when it cannot be read.
    func state(ofCopy i: Int) -> [Double]?
}

/// Why a `BatchedEnvironment` stopped stepping.
public enum EnvironmentFault: Sendable, Equatable, CustomStringConvertible {
    /// The copies cannot go on (a process died or an environment raised): the job fails with
    /// the message, which carries the environment's own report (a Python traceback).
    case failed(String)
    /// An observation or a reward was not finite: the job is recorded as diverged.
    case diverged(String)
    /// The run was asked to stop while the copies were stepping: the job is interrupted.
    case stopped

    public var description: String {
        switch self {
        case .failed(let message), .diverged(let message): message
        case .stopped: "stopped while the environment copies were stepping"
        }
    }
}
