import PolicyGradient

/// Makes batches of one Gymnasium environment's copies, each batch its own worker processes.
///
/// A batch of N copies runs in `w` workers of N / w copies each, where `w` is the largest
/// divisor of N not above `environment.workers` (the workers step at the same time, so a batch
/// is as fast as its busiest worker). Copy i is first reset with `seed: s_i`, the first draw of
/// `RandomGenerator(seed:stream:index: i)`: training, evaluation and diagnostics copies never
/// share a seed.
package struct GymnasiumCopiesFactory: BatchedEnvironmentFactory {
    let spec: GymnasiumEnvironmentSpec
    let workers: Int
    let handshake: GymnasiumHandshake

    package var observationSize: Int { handshake.observationSpace.flatSize }
    package var actionSpace: ActionSpace { handshake.actionSpace.actionSpace }
    package var defaultMaxEpisodeSteps: Int? { handshake.maxEpisodeSteps }
    /// Whether the worker's check found the states copyable when the environment was opened.
    package var canCopyStates: Bool { handshake.stateCopy == true }

    package var versions: [String: String] {
        handshake.packageVersions.merging(["python": handshake.pythonVersion]) { own, _ in own }
    }

    /// The reset seeds of `numEnvs` copies from `seed`'s `stream`.
    package static func seeds(numEnvs: Int, seed: UInt64, stream: RandomStream) -> [UInt64] {
        (0..<numEnvs).map { i in
            var generator = RandomGenerator(seed: seed, stream: stream, index: UInt64(i))
            return generator.next()
        }
    }

    /// The number of workers for `numEnvs` copies: the largest divisor not above `workers`.
    package static func workerCount(numEnvs: Int, workers: Int) -> Int {
        (1...max(1, min(workers, numEnvs))).last { numEnvs % $0 == 0 }!
    }

    package func makeCopies(
        numEnvs: Int, seed: UInt64, stream: RandomStream, stopRequested: @escaping () -> Bool
    ) -> GymnasiumVectorEnvironment {
        let w = Self.workerCount(numEnvs: numEnvs, workers: workers)
        do throws(GymnasiumBridgeError) {
            let pool = try GymnasiumWorkerPool(spec, workers: w, copiesPerWorker: numEnvs / w, stopRequested: stopRequested)
            guard pool.handshake.observationSpace == handshake.observationSpace,
                pool.handshake.actionSpace == handshake.actionSpace
            else {
                pool.close()
                throw .protocolViolation("the environment's spaces changed since it was first made")
            }
            return GymnasiumVectorEnvironment(
                pool: pool, seeds: Self.seeds(numEnvs: numEnvs, seed: seed, stream: stream),
                canCopyStates: canCopyStates)
        } catch {
            let fault: EnvironmentFault = error == .stopped ? .stopped : .failed(error.description)
            return GymnasiumVectorEnvironment(
                numEnvs: numEnvs, observationSize: observationSize, actionSpace: actionSpace, fault: fault)
        }
    }
}
