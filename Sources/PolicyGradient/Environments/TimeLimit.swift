/// Gymnasium's `TimeLimit` wrapper: counts steps since the last reset and truncates.
///
/// After each step `elapsedSteps` grows by one and
/// `truncated = elapsedSteps >= maxEpisodeSteps`, whatever `terminated` is, so a step that
/// both enters a terminal state and reaches the limit reports both flags, as Gymnasium does.
/// `setState` also restarts the count, so a trace's time limit counts from its start state.
public struct TimeLimit<Base: Environment>: Sendable {
    /// The wrapped environment.
    public var base: Base
    /// Steps taken since the last `reset` or `setState`.
    public var elapsedSteps: Int

    /// The limit, taken from `base.maxEpisodeSteps`.
    @inlinable
    public var maxEpisodeSteps: Int { base.maxEpisodeSteps }

    public init(_ base: Base) {
        precondition(base.maxEpisodeSteps > 0, "max_episode_steps must be positive")
        self.base = base
        self.elapsedSteps = 0
    }

    /// Draws a new initial state and restarts the step count.
    @inlinable
    public mutating func reset(using generator: inout RandomGenerator) {
        base.reset(using: &generator)
        elapsedSteps = 0
    }

    /// Sets the internal state and restarts the step count.
    public mutating func setState(_ state: [Double]) throws {
        try base.setState(state)
        elapsedSteps = 0
    }

    /// Steps with a discrete action and applies the time limit.
    @inlinable
    public mutating func step(discrete action: Int, using generator: inout RandomGenerator) -> TimeLimitedStep {
        let outcome = base.step(discrete: action, using: &generator)
        return count(outcome)
    }

    /// Steps with a continuous action and applies the time limit.
    @inlinable
    public mutating func step(continuous action: UnsafeBufferPointer<Double>, using generator: inout RandomGenerator)
        -> TimeLimitedStep
    {
        let outcome = base.step(continuous: action, using: &generator)
        return count(outcome)
    }

    @inlinable
    mutating func count(_ outcome: StepOutcome) -> TimeLimitedStep {
        elapsedSteps += 1
        return TimeLimitedStep(
            reward: outcome.reward, terminated: outcome.terminated,
            truncated: elapsedSteps >= base.maxEpisodeSteps)
    }
}
