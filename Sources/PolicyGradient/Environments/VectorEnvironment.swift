/// `numEnvs` copies of one environment stepped in lockstep, with same-step auto-reset.
///
/// Each copy sits behind a `TimeLimit` and draws every random number from its own
/// generator, `RandomGenerator(seed: seed, stream: stream, index: i)`, so copy `i`'s
/// trajectory depends only on the seed, `i` and the actions it receives.
///
/// After `step`, for copy `i` (Stable-Baselines3's convention):
/// - `rewards[i]`, `terminated[i]`, `truncated[i]` describe the transition just taken;
/// - when the copy's episode ended (either flag), it has already been reset:
///   `observations[i*obsSize ..< (i+1)*obsSize]` is the new episode's first observation and
///   `finalObservations[...]` holds the observation of the state the episode ended in, so a
///   learner can bootstrap `V(s_T)` on truncation; `finalObservations` rows of copies that
///   did not end are left unchanged;
/// - `finishedEpisodes` lists the episodes that ended in this step, with their undiscounted
///   return and length.
///
/// Buffers are allocated once; `step` does not allocate. The class is generic over the
/// environment type so that stepping involves no dynamic dispatch once specialized.
public final class VectorEnvironment<Base: Environment> {
    /// Number of copies.
    public let numEnvs: Int
    /// Observation length of one copy.
    public let observationSize: Int
    /// The copies' action space.
    public let actionSpace: ActionSpace

    @usableFromInline let copies: UnsafeMutablePointer<TimeLimit<Base>>
    @usableFromInline let generators: UnsafeMutablePointer<RandomGenerator>
    /// Running undiscounted return of each copy's current episode.
    @usableFromInline let returnStorage: UnsafeMutablePointer<Double>
    /// Steps taken in each copy's current episode.
    @usableFromInline let lengthStorage: UnsafeMutablePointer<Int>
    /// Double copies of Float32 continuous actions (`numEnvs * actionDimension`).
    @usableFromInline let actionScratch: UnsafeMutablePointer<Double>
    @usableFromInline let actionDimension: Int

    /// Current observations, `numEnvs × observationSize`, row-major.
    public let observations: EnvironmentBuffer<Float>
    /// Observations of the states episodes ended in, valid in the rows of copies whose
    /// `terminated` or `truncated` flag is set after the last step.
    public let finalObservations: EnvironmentBuffer<Float>
    /// Rewards of the last step, one per copy.
    public let rewards: EnvironmentBuffer<Double>
    /// Whether each copy entered a terminal state in the last step.
    public let terminated: EnvironmentBuffer<Bool>
    /// Whether each copy hit its time limit in the last step.
    public let truncated: EnvironmentBuffer<Bool>
    /// Episodes that ended in the last step, in copy order.
    public let finishedEpisodes: EnvironmentBuffer<FinishedEpisode>
    /// Stable-Baselines3's `VecNormalize` over these buffers, applied after every reset and step.
    @usableFromInline var normalizer: EnvironmentNormalizer?

    /// Builds `numEnvs` copies of `prototype` and resets each with its own generator.
    ///
    /// `stream` is `.environment` for training rollouts and `.evaluation` for evaluation.
    public init(_ prototype: Base, numEnvs: Int, seed: UInt64, stream: RandomStream = .environment) {
        precondition(numEnvs > 0, "numEnvs must be positive")
        self.numEnvs = numEnvs
        self.observationSize = prototype.observationSize
        self.actionSpace = prototype.actionSpace
        self.actionDimension = prototype.actionSpace.actionDimension
        copies = .allocate(capacity: numEnvs)
        copies.initialize(repeating: TimeLimit(prototype), count: numEnvs)
        generators = .allocate(capacity: numEnvs)
        for i in 0..<numEnvs {
            (generators + i).initialize(to: RandomGenerator(seed: seed, stream: stream, index: UInt64(i)))
        }
        returnStorage = .allocate(capacity: numEnvs)
        returnStorage.initialize(repeating: 0, count: numEnvs)
        lengthStorage = .allocate(capacity: numEnvs)
        lengthStorage.initialize(repeating: 0, count: numEnvs)
        actionScratch = .allocate(capacity: numEnvs * actionDimension)
        actionScratch.initialize(repeating: 0, count: numEnvs * actionDimension)
        let observationCount = numEnvs * prototype.observationSize
        observations = EnvironmentBuffer(repeating: 0, count: observationCount)
        finalObservations = EnvironmentBuffer(repeating: 0, count: observationCount)
        rewards = EnvironmentBuffer(repeating: 0, count: numEnvs)
        terminated = EnvironmentBuffer(repeating: false, count: numEnvs)
        truncated = EnvironmentBuffer(repeating: false, count: numEnvs)
        finishedEpisodes = EnvironmentBuffer(
            repeating: FinishedEpisode(copy: 0, episodeReturn: 0, length: 0, terminated: false), count: numEnvs)
        finishedEpisodes.validCount = 0
        reset()
    }

    deinit {
        copies.deinitialize(count: numEnvs)
        copies.deallocate()
        generators.deallocate()
        returnStorage.deallocate()
        lengthStorage.deallocate()
        actionScratch.deallocate()
    }

    /// Resets every copy (each from its own generator) and clears the episode statistics.
    public func reset() {
        for i in 0..<numEnvs {
            copies[i].reset(using: &generators[i])
            copies[i].base.writeObservation(into: observations.base + i * observationSize)
            returnStorage[i] = 0
            lengthStorage[i] = 0
            rewards.base[i] = 0
            terminated.base[i] = false
            truncated.base[i] = false
        }
        finishedEpisodes.validCount = 0
        normalizer?.afterReset(observations: observations.base, count: numEnvs, observationSize: observationSize)
    }

    /// Normalizes every observation from now on with `normalizer`, starting with the current
    /// ones, as after a reset.
    public func normalize(with normalizer: EnvironmentNormalizer) {
        self.normalizer = normalizer
        normalizer.afterReset(observations: observations.base, count: numEnvs, observationSize: observationSize)
    }

    /// Lets the normalizer see the step just taken.
    @usableFromInline
    func normalizeStep() {
        normalizer?.afterStep(
            observations: observations.base, finalObservations: finalObservations.base, rewards: rewards.base,
            terminated: terminated.base, truncated: truncated.base, count: numEnvs, observationSize: observationSize)
    }

    /// Steps every copy with a discrete action; `actions.count == numEnvs`.
    @inlinable
    public func step(discrete actions: UnsafeBufferPointer<Int>) {
        precondition(actions.count == numEnvs, "one action per copy")
        finishedEpisodes.validCount = 0
        for i in 0..<numEnvs {
            let result = copies[i].step(discrete: actions[i], using: &generators[i])
            record(result, copy: i)
        }
        normalizeStep()
    }

    /// Steps every copy with a discrete action; `actions.count == numEnvs`.
    @inlinable
    public func step(discrete actions: [Int]) {
        actions.withUnsafeBufferPointer { step(discrete: $0) }
    }

    /// Steps every copy with a continuous action: row `i` of the row-major
    /// `numEnvs × actionDimension` buffer goes to copy `i`.
    @inlinable
    public func step(continuous actions: UnsafeBufferPointer<Double>) {
        let d = actionDimension
        precondition(actions.count == numEnvs * d, "one action row per copy")
        finishedEpisodes.validCount = 0
        for i in 0..<numEnvs {
            let row = UnsafeBufferPointer(start: actions.baseAddress! + i * d, count: d)
            let result = copies[i].step(continuous: row, using: &generators[i])
            record(result, copy: i)
        }
        normalizeStep()
    }

    /// Steps every copy with a Float32 continuous action (converted to Double first).
    @inlinable
    public func step(continuous actions: UnsafeBufferPointer<Float>) {
        let n = numEnvs * actionDimension
        precondition(actions.count == n, "one action row per copy")
        for j in 0..<n { actionScratch[j] = Double(actions[j]) }
        step(continuous: UnsafeBufferPointer(start: actionScratch, count: n))
    }

    /// Stores copy `i`'s step result, updates its episode statistics and auto-resets it.
    @inlinable
    func record(_ result: TimeLimitedStep, copy i: Int) {
        rewards.base[i] = result.reward
        terminated.base[i] = result.terminated
        truncated.base[i] = result.truncated
        returnStorage[i] += result.reward
        lengthStorage[i] += 1
        let observation = observations.base + i * observationSize
        if result.terminated || result.truncated {
            copies[i].base.writeObservation(into: finalObservations.base + i * observationSize)
            finishedEpisodes.base[finishedEpisodes.validCount] = FinishedEpisode(
                copy: i, episodeReturn: returnStorage[i], length: lengthStorage[i],
                terminated: result.terminated)
            finishedEpisodes.validCount += 1
            returnStorage[i] = 0
            lengthStorage[i] = 0
            copies[i].reset(using: &generators[i])
        }
        copies[i].base.writeObservation(into: observation)
    }
}
