import PolicyGradient

/// Copies of a Gymnasium environment stepped by a `GymnasiumWorkerPool`, behind the trainer's
/// `BatchedEnvironment` (docs/environments.md, "Gymnasium environments").
///
/// Observations cross the shared memory as float64 and are rounded to Float32 here, as the
/// native copies write theirs; rewards stay float64. The first `reset` seeds copy i with
/// `seeds[i]`; every later one calls `env.reset()` without a seed, so each copy's generator
/// goes on, as a native copy's does. Any failure of the pool becomes `fault` (`diverged` for a
/// NaN observation or a non-finite reward, `stopped` when the stop condition said yes,
/// `failed` otherwise, with the Python traceback); from then on every step ends every copy's
/// episode at once, so that loops over episodes finish, and the trainer ends the run.
///
/// When the environment's states can be copied (`canCopyStates`, checked by the worker when the
/// environment was first opened), `savedCopies` reads every copy's state from the workers
/// (checkpoints, a replayable final evaluation), `restoreCopies` puts it back, and
/// `cloneCopies` moves another batch's states into these copies, which keep their own
/// generators; otherwise the first two give nothing and cloning is a fault.
package final class GymnasiumVectorEnvironment: BatchedEnvironment {
    package let numEnvs: Int
    package let observationSize: Int
    package let actionSpace: ActionSpace
    package let observations: EnvironmentBuffer<Float>
    package let finalObservations: EnvironmentBuffer<Float>
    package let rewards: EnvironmentBuffer<Double>
    package let terminated: EnvironmentBuffer<Bool>
    package let truncated: EnvironmentBuffer<Bool>
    package let finishedEpisodes: EnvironmentBuffer<FinishedEpisode>
    package private(set) var fault: EnvironmentFault?

    private var pool: GymnasiumWorkerPool?
    /// Whether the copies' states can be read and written (`GymnasiumHandshake.stateCopy`).
    package let canCopyStates: Bool
    /// The seeds of the first reset; nil once it happened.
    private var pendingSeeds: [UInt64]?
    private var normalizer: EnvironmentNormalizer?

    /// Copies stepped by `pool`, reset with `seeds` (one per copy).
    package init(pool: GymnasiumWorkerPool, seeds: [UInt64], canCopyStates: Bool) {
        precondition(seeds.count == pool.numEnvs, "one seed per copy")
        self.pool = pool
        self.canCopyStates = canCopyStates
        numEnvs = pool.numEnvs
        observationSize = pool.observationSize
        actionSpace = pool.actionSpace
        (observations, finalObservations, rewards, terminated, truncated, finishedEpisodes) =
            Self.buffers(numEnvs: numEnvs, observationSize: observationSize)
        pendingSeeds = seeds
        reset()
    }

    /// Copies that could not be made: `fault` is set from the start.
    package init(numEnvs: Int, observationSize: Int, actionSpace: ActionSpace, fault: EnvironmentFault) {
        self.numEnvs = numEnvs
        self.observationSize = observationSize
        self.actionSpace = actionSpace
        self.fault = fault
        canCopyStates = false
        (observations, finalObservations, rewards, terminated, truncated, finishedEpisodes) =
            Self.buffers(numEnvs: numEnvs, observationSize: observationSize)
    }

    private static func buffers(numEnvs n: Int, observationSize m: Int) -> (
        EnvironmentBuffer<Float>, EnvironmentBuffer<Float>, EnvironmentBuffer<Double>, EnvironmentBuffer<Bool>,
        EnvironmentBuffer<Bool>, EnvironmentBuffer<FinishedEpisode>
    ) {
        let finished = EnvironmentBuffer(
            repeating: FinishedEpisode(copy: 0, episodeReturn: 0, length: 0, terminated: false), count: n)
        finished.validCount = 0
        return (
            EnvironmentBuffer(repeating: 0, count: n * m), EnvironmentBuffer(repeating: 0, count: n * m),
            EnvironmentBuffer(repeating: 0, count: n), EnvironmentBuffer(repeating: false, count: n),
            EnvironmentBuffer(repeating: false, count: n), finished
        )
    }

    package func reset() {
        finishedEpisodes.validCount = 0
        guard let pool, fault == nil else { return endEveryEpisode() }
        let seeds = pendingSeeds
        pendingSeeds = nil
        do {
            let batch = try pool.reset(seeds: seeds)
            store(batch)
            normalizer?.afterReset(observations: observations.base, count: numEnvs, observationSize: observationSize)
        } catch {
            fail(error)
        }
    }

    package func step(discrete actions: UnsafeBufferPointer<Int>) {
        guard let pool, fault == nil else { return endEveryEpisode() }
        do {
            try pool.step(discrete: actions, into: target)
            afterStep()
        } catch {
            fail(error)
        }
    }

    package func step(continuous actions: UnsafeBufferPointer<Float>) {
        guard let pool, fault == nil else { return endEveryEpisode() }
        do {
            try pool.step(continuous: actions, into: target)
            afterStep()
        } catch {
            fail(error)
        }
    }

    /// The buffers a step's batch is read into.
    private var target: GymnasiumStepTarget {
        GymnasiumStepTarget(
            observations: observations.base, finalObservations: finalObservations.base, rewards: rewards.base,
            terminated: terminated.base, truncated: truncated.base, finishedEpisodes: finishedEpisodes)
    }

    package func normalize(with normalizer: EnvironmentNormalizer) {
        self.normalizer = normalizer
        normalizer.afterReset(observations: observations.base, count: numEnvs, observationSize: observationSize)
    }

    package func savedCopies() -> EnvironmentCopiesState? {
        guard canCopyStates, let pool, fault == nil else { return nil }
        do {
            let states = try pool.states()
            let (returns, lengths) = pool.episodeStatistics
            return EnvironmentCopiesState(
                externalStates: states, episodeReturns: returns, episodeLengths: lengths,
                observations: Array(UnsafeBufferPointer(start: observations.base, count: numEnvs * observationSize)))
        } catch {
            fail(error)
            return nil
        }
    }

    package func restoreCopies(_ saved: EnvironmentCopiesState) throws {
        guard canCopyStates, let pool, fault == nil, let states = saved.externalStates, states.count == numEnvs,
            saved.episodeReturns.count == numEnvs, saved.episodeLengths.count == numEnvs,
            saved.observations.count == numEnvs * observationSize
        else { throw GymnasiumBridgeError.protocolViolation("the saved copies do not fit these \(numEnvs) Gymnasium copies") }
        try pool.setStates(
            states, episodeReturns: saved.episodeReturns, episodeLengths: saved.episodeLengths, keepingRandomness: false)
        observations.base.update(from: saved.observations, count: saved.observations.count)
        pendingSeeds = nil
    }

    package func cloneCopies(from source: GymnasiumVectorEnvironment) {
        guard canCopyStates, fault == nil, let pool else {
            if fault == nil {
                fault = .failed(
                    "the states of these Gymnasium copies cannot be copied: measure with diagnostics.start: reset")
            }
            return
        }
        guard let saved = source.savedCopies(), let states = saved.externalStates else {
            fault = source.fault ?? .failed("the training copies' states could not be read")
            return
        }
        do {
            try pool.setStates(
                states, episodeReturns: saved.episodeReturns, episodeLengths: saved.episodeLengths,
                keepingRandomness: true)
        } catch {
            return fail(error)
        }
        observations.base.update(from: saved.observations, count: saved.observations.count)
        for i in 0..<numEnvs {
            rewards.base[i] = 0
            terminated.base[i] = false
            truncated.base[i] = false
        }
        finishedEpisodes.validCount = 0
        pendingSeeds = nil
    }

    package func state(ofCopy i: Int) -> [Double]? { nil }

    /// Checks a step's rewards and lets the normalizer see the step (after the episode returns
    /// were summed from the raw rewards, as the native copies do).
    private func afterStep() {
        for i in 0..<numEnvs where !rewards.base[i].isFinite {
            return fail(GymnasiumBridgeError.nonFiniteReward(copy: i))
        }
        normalizer?.afterStep(
            observations: observations.base, finalObservations: finalObservations.base, rewards: rewards.base,
            terminated: terminated.base, truncated: truncated.base, count: numEnvs, observationSize: observationSize)
    }

    private func store(_ batch: GymnasiumBatch) {
        let count = numEnvs * observationSize
        for j in 0..<count {
            observations.base[j] = Float(batch.observations[j])
            finalObservations.base[j] = Float(batch.finalObservations[j])
        }
        for i in 0..<numEnvs {
            rewards.base[i] = batch.rewards[i]
            terminated.base[i] = batch.terminated[i]
            truncated.base[i] = batch.truncated[i]
        }
        finishedEpisodes.validCount = batch.finishedEpisodes.count
        for (e, episode) in batch.finishedEpisodes.enumerated() { finishedEpisodes.base[e] = episode }
    }

    private func fail(_ error: any Error) {
        pool?.close()
        pool = nil
        switch error as? GymnasiumBridgeError {
        case .stopped?: fault = .stopped
        case .nanObservation?, .nonFiniteReward?: fault = .diverged("\(error)")
        default: fault = .failed("\(error)")
        }
        endEveryEpisode()
    }

    /// After a fault: every copy's episode ends (terminated, reward 0), so that any loop over
    /// episodes finishes at once.
    private func endEveryEpisode() {
        for i in 0..<numEnvs {
            rewards.base[i] = 0
            terminated.base[i] = true
            truncated.base[i] = false
            finishedEpisodes.base[i] = FinishedEpisode(copy: i, episodeReturn: 0, length: 1, terminated: true)
        }
        finishedEpisodes.validCount = numEnvs
    }
}
