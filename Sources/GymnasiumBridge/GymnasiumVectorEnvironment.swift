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
    /// The seeds of the first reset; nil once it happened.
    private var pendingSeeds: [UInt64]?
    private var normalizer: EnvironmentNormalizer?

    /// Copies stepped by `pool`, reset with `seeds` (one per copy).
    package init(pool: GymnasiumWorkerPool, seeds: [UInt64]) {
        precondition(seeds.count == pool.numEnvs, "one seed per copy")
        self.pool = pool
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

    /// The worker processes' ids (empty once the pool is closed or was never started).
    package var processIDs: [Int32] { pool?.processIDs ?? [] }

    /// Ends the workers; later steps report the fault `failed`.
    package func close() {
        pool?.close()
        pool = nil
        if fault == nil { fault = .failed("the Gymnasium copies were closed") }
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
            stored(try pool.step(discrete: Array(actions)))
        } catch {
            fail(error)
        }
    }

    package func step(continuous actions: UnsafeBufferPointer<Float>) {
        guard let pool, fault == nil else { return endEveryEpisode() }
        do {
            stored(try pool.step(continuous: actions.map(Double.init)))
        } catch {
            fail(error)
        }
    }

    package func normalize(with normalizer: EnvironmentNormalizer) {
        self.normalizer = normalizer
        normalizer.afterReset(observations: observations.base, count: numEnvs, observationSize: observationSize)
    }

    /// The copies live in Python processes, whose state is not read (no checkpoints).
    package func savedCopies() -> EnvironmentCopiesState? { nil }

    package func restoreCopies(_ saved: EnvironmentCopiesState) throws {
        throw GymnasiumBridgeError.protocolViolation("the states of Gymnasium copies cannot be restored")
    }

    package func cloneCopies(from source: GymnasiumVectorEnvironment) {
        fault = .failed(
            "Gymnasium copies cannot be cloned: measure with diagnostics.start: reset instead of continue")
    }

    package func state(ofCopy i: Int) -> [Double]? { nil }

    /// Stores a step's batch, checks its rewards, and lets the normalizer see it (after the
    /// episode returns were summed from the raw rewards, as the native copies do).
    private func stored(_ batch: GymnasiumBatch) {
        store(batch)
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
