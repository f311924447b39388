import PolicyGradient

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `numEnvs` copies of one Gymnasium environment stepped in lockstep by Python worker processes,
/// `copiesPerWorker` copies each, through shared memory (docs/environments.md, "Gymnasium
/// environments in worker processes: the transport").
///
/// Copy `i` lives in worker `i / copiesPerWorker`. A `step` writes every action into the shared
/// memory, sends each worker one command, and waits for all their answers; the workers step at
/// the same time. The batch follows `VectorEnvironment`'s contract: a copy whose episode ended
/// is reset at once (without a seed, so its generator goes on) and its final observation is
/// reported apart.
///
/// Every failure is a `GymnasiumBridgeError`; after one the pool is closed (its workers are
/// killed) and every later call throws `.closed`. Waiting for the workers looks at
/// `stopRequested` ten times a second; a poll timeout decides nothing else. The workers end with
/// `close()` or when the pool is released, and die with the runner (`PR_SET_PDEATHSIG`, tied
/// to the thread that made the pool: keep that thread alive while the pool is used).
package final class GymnasiumWorkerPool {
    package let spec: GymnasiumEnvironmentSpec
    /// The interpreter the workers run.
    package let interpreter: String
    package let handshake: GymnasiumHandshake
    package let numEnvs: Int
    package let copiesPerWorker: Int
    /// Values of one copy's flattened observation.
    package let observationSize: Int
    /// The action space as the policies see it (`GymnasiumSpace.actionSpace`).
    package let actionSpace: ActionSpace
    private var workers: [GymnasiumWorker]
    private let layout: SharedMemoryLayout
    private let stopRequested: (() -> Bool)?
    private var episodeReturns: [Double]
    private var episodeLengths: [Int]

    /// Milliseconds between two looks at the stop condition while waiting.
    static let stopCheckInterval: Int32 = 100

    /// Starts `workers` workers of `copiesPerWorker` copies each and waits for their handshakes.
    package init(
        _ spec: GymnasiumEnvironmentSpec, workers workerCount: Int, copiesPerWorker: Int,
        stopRequested: (() -> Bool)? = nil
    ) throws(GymnasiumBridgeError) {
        precondition(workerCount > 0 && copiesPerWorker > 0, "at least one worker and one copy")
        Self.ignoreBrokenPipes()
        self.spec = spec
        self.copiesPerWorker = copiesPerWorker
        self.stopRequested = stopRequested
        numEnvs = workerCount * copiesPerWorker
        interpreter = try PythonInterpreter.resolve(explicit: spec.interpreter)
        let source = String(decoding: PackageResources.worker_py, as: UTF8.self)
        var started: [GymnasiumWorker] = []
        do throws(GymnasiumBridgeError) {
            for _ in 0..<workerCount {
                started.append(try GymnasiumWorker(interpreter: interpreter, source: source))
            }
            for worker in started { try worker.send(spec.startCommand(copies: copiesPerWorker), stoppingWhen: stopRequested) }
            let replies = try Self.awaitReplies(
                from: started, spec: spec, interpreter: interpreter, copiesPerWorker: copiesPerWorker,
                stoppingWhen: stopRequested)
            let handshakes = try replies.map { reply throws(GymnasiumBridgeError) in try reply.handshake() }
            let first = handshakes[0].0
            guard handshakes.allSatisfy({ $0.0.observationSpace == first.observationSpace && $0.0.actionSpace == first.actionSpace })
            else { throw .protocolViolation("the workers disagree on the spaces") }
            let expected = SharedMemoryLayout(
                copies: copiesPerWorker, observationSize: first.observationSpace.flatSize,
                actionSize: first.actionSpace.flatSize)
            for (worker, (_, bytes)) in zip(started, handshakes) {
                guard bytes == expected.byteCount else {
                    throw .protocolViolation("a worker sized its memory to \(bytes) bytes, not \(expected.byteCount)")
                }
                try worker.memory.map(byteCount: bytes)
            }
            handshake = first
            layout = expected
        } catch {
            for worker in started { worker.end(grace: 0) }
            throw error
        }
        workers = started
        observationSize = handshake.observationSpace.flatSize
        actionSpace = handshake.actionSpace.actionSpace
        episodeReturns = Array(repeating: 0, count: numEnvs)
        episodeLengths = Array(repeating: 0, count: numEnvs)
    }

    deinit { close() }

    /// The workers' process ids, in worker order (empty once closed).
    package var processIDs: [pid_t] { workers.map(\.pid) }

    /// Resets copy `i` with `env.reset(seed: seeds[i])`, or `env.reset()` (its generator goes
    /// on) when `seeds` is nil, and clears the episode statistics.
    package func reset(seeds: [UInt64]?) throws(GymnasiumBridgeError) -> GymnasiumBatch {
        precondition(seeds == nil || seeds!.count == numEnvs, "one seed per copy")
        try exchange(during: "reset") { index in
            let own = (index * copiesPerWorker..<(index + 1) * copiesPerWorker).map { copy in
                seeds.map { PythonValue.string(String($0[copy])) } ?? PythonValue.none
            }
            return PythonValue.dictionary(["command": .string("reset"), "seeds": .list(own)]).json
        }
        for i in 0..<numEnvs {
            episodeReturns[i] = 0
            episodeLengths[i] = 0
        }
        return try batch(during: "reset")
    }

    /// Copy `copy`'s `env.unwrapped.state`, flattened to doubles (each arrives exactly).
    /// Throws `noState` when the environment has no `state` attribute.
    package func state(ofCopy copy: Int) throws(GymnasiumBridgeError) -> [Double] {
        let reply = try exchange(withWorkerOf: copy, during: "get_state") { local in
            PythonValue.dictionary(["command": .string("get_state"), "copy": .int(local)]).json
        }
        guard let texts = reply.state else { throw .protocolViolation("a get_state reply without its state") }
        let values = texts.compactMap(Double.init)
        guard values.count == texts.count else { throw .protocolViolation("an unreadable state \(texts)") }
        return values
    }

    /// Sets copy `copy`'s `env.unwrapped.state` to `state` (as a float64 array of the present
    /// state's shape), as `runner env check` does to start Gymnasium where a native environment
    /// is. The observation in the shared memory is left as it was: Gymnasium computes it in
    /// `step`.
    package func setState(_ state: [Double], ofCopy copy: Int) throws(GymnasiumBridgeError) {
        _ = try exchange(withWorkerOf: copy, during: "set_state") { local in
            // Swift's `description` of a double is the shortest text that reads back to it, as
            // Python's `float` reads it (`inf`, `-inf` and `nan` included).
            PythonValue.dictionary([
                "command": .string("set_state"), "copy": .int(local),
                "state": .list(state.map { .string($0.description) }),
            ]).json
        }
    }

    /// Steps copy `i` with the discrete action `actions[i]` (an index `0..<n`).
    package func step(discrete actions: [Int]) throws(GymnasiumBridgeError) -> GymnasiumBatch {
        guard case .discrete = actionSpace, actions.count == numEnvs else {
            preconditionFailure("one discrete action per copy, for a discrete action space")
        }
        try writeActions { copy, row in row.storeBytes(of: Int64(actions[copy]), as: Int64.self) }
        return try stepWritten()
    }

    /// Steps copy `i` with row `i` of the row-major `numEnvs × actionDimension` actions; the
    /// worker clips them to the bounds before `step` (the caller's actions stay unclipped).
    package func step(continuous actions: [Double]) throws(GymnasiumBridgeError) -> GymnasiumBatch {
        let d = actionSpace.actionDimension
        guard case .continuous = actionSpace, actions.count == numEnvs * d else {
            preconditionFailure("one action row per copy, for a continuous action space")
        }
        try writeActions { copy, row in
            for j in 0..<d { row.storeBytes(of: actions[copy * d + j], toByteOffset: 8 * j, as: Double.self) }
        }
        return try stepWritten()
    }

    /// Ends every worker (the end of its command pipe; one stuck in an environment is killed
    /// after a grace of three seconds) and reaps it. Idempotent.
    package func close() {
        for worker in workers { worker.end() }
        workers.removeAll()
    }

    private func writeActions(_ write: (Int, UnsafeMutableRawPointer) -> Void) throws(GymnasiumBridgeError) {
        guard !workers.isEmpty else { throw .closed }
        for copy in 0..<numEnvs {
            let base = workers[copy / copiesPerWorker].memory.base!
            write(copy, base + layout.actions + 8 * layout.actionSize * (copy % copiesPerWorker))
        }
    }

    private func stepWritten() throws(GymnasiumBridgeError) -> GymnasiumBatch {
        try exchange(during: "step") { _ in Self.stepCommand }
        var result = try batch(during: "step")
        for i in 0..<numEnvs {
            if let episode = count(copy: i, reward: result.rewards[i], terminated: result.terminated[i], truncated: result.truncated[i]) {
                result.finishedEpisodes.append(episode)
            }
        }
        return result
    }

    /// Steps copy `i` with the discrete action `actions[i]` and reads the batch into `target`:
    /// the training loop's step, which allocates no arrays.
    package func step(discrete actions: UnsafeBufferPointer<Int>, into target: GymnasiumStepTarget) throws(GymnasiumBridgeError) {
        guard case .discrete = actionSpace, actions.count == numEnvs else {
            preconditionFailure("one discrete action per copy, for a discrete action space")
        }
        try writeActions { copy, row in row.storeBytes(of: Int64(actions[copy]), as: Int64.self) }
        try exchange(during: "step") { _ in Self.stepCommand }
        try read(into: target, during: "step")
    }

    /// Steps copy `i` with row `i` of the row-major `numEnvs × actionDimension` actions (widened
    /// to float64; the worker clips them) and reads the batch into `target`.
    package func step(continuous actions: UnsafeBufferPointer<Float>, into target: GymnasiumStepTarget) throws(GymnasiumBridgeError) {
        let d = actionSpace.actionDimension
        guard case .continuous = actionSpace, actions.count == numEnvs * d else {
            preconditionFailure("one action row per copy, for a continuous action space")
        }
        try writeActions { copy, row in
            for j in 0..<d { row.storeBytes(of: Double(actions[copy * d + j]), toByteOffset: 8 * j, as: Double.self) }
        }
        try exchange(during: "step") { _ in Self.stepCommand }
        try read(into: target, during: "step")
    }

    /// The step command, as worker.py recognizes it without parsing.
    private static let stepCommand = #"{"command":"step"}"#

    /// Adds a step's reward to copy `copy`'s running episode; the finished episode when it ended.
    private func count(copy: Int, reward: Double, terminated: Bool, truncated: Bool) -> FinishedEpisode? {
        episodeReturns[copy] += reward
        episodeLengths[copy] += 1
        guard terminated || truncated else { return nil }
        defer {
            episodeReturns[copy] = 0
            episodeLengths[copy] = 0
        }
        return FinishedEpisode(copy: copy, episodeReturn: episodeReturns[copy], length: episodeLengths[copy], terminated: terminated)
    }

    /// Reads the batch of a step out of the shared memory into `target` (observations rounded to
    /// Float32) and counts the episodes; NaN in an observation is an error, found in copy order
    /// before any episode is counted.
    private func read(into target: GymnasiumStepTarget, during: String) throws(GymnasiumBridgeError) {
        let m = observationSize, k = copiesPerWorker
        for (index, worker) in workers.enumerated() {
            let base = UnsafeRawPointer(worker.memory.base!)
            let observations = (base + layout.observations).assumingMemoryBound(to: Double.self)
            let finalObservations = (base + layout.finalObservations).assumingMemoryBound(to: Double.self)
            let rewards = (base + layout.rewards).assumingMemoryBound(to: Double.self)
            for local in 0..<k {
                let copy = index * k + local
                let terminated = base.load(fromByteOffset: layout.terminated + local, as: UInt8.self) != 0
                let truncated = base.load(fromByteOffset: layout.truncated + local, as: UInt8.self) != 0
                var nan = false, finalNaN = false
                for j in 0..<m {
                    let value = observations[local * m + j], final = finalObservations[local * m + j]
                    nan = nan || value.isNaN
                    finalNaN = finalNaN || final.isNaN
                    target.observations[copy * m + j] = Float(value)
                    target.finalObservations[copy * m + j] = Float(final)
                }
                if nan || ((terminated || truncated) && finalNaN) {
                    close()
                    throw .nanObservation(copy: copy, during: nan ? during : "\(during) (final observation)")
                }
                target.rewards[copy] = rewards[local]
                target.terminated[copy] = terminated
                target.truncated[copy] = truncated
            }
        }
        target.finishedEpisodes.validCount = 0
        for copy in 0..<numEnvs {
            if let episode = count(
                copy: copy, reward: target.rewards[copy], terminated: target.terminated[copy], truncated: target.truncated[copy])
            {
                target.finishedEpisodes.base[target.finishedEpisodes.validCount] = episode
                target.finishedEpisodes.validCount += 1
            }
        }
    }

    /// Each copy's state (`save_copies`), in copy order: the worker's pickle of the wrapped
    /// environment, its generator and, for MuJoCo, the integration state, as base64 text.
    package func states() throws(GymnasiumBridgeError) -> [String] {
        let replies = try exchange(during: "save_copies") { _ in #"{"command":"save_copies"}"# }
        var states: [String] = []
        for reply in replies {
            guard let own = reply.states, own.count == copiesPerWorker else {
                throw .protocolViolation("a save_copies reply without one state per copy")
            }
            states += own
        }
        return states
    }

    /// Puts `states` (from `states()` of a pool of the same environment and copies) into the
    /// copies, with their episode statistics; with `keepingRandomness`, each copy's generator
    /// goes on instead of the one in the state.
    package func setStates(
        _ states: [String], episodeReturns returns: [Double], episodeLengths lengths: [Int], keepingRandomness: Bool
    ) throws(GymnasiumBridgeError) {
        precondition(states.count == numEnvs && returns.count == numEnvs && lengths.count == numEnvs, "one state per copy")
        try exchange(during: "load_copies") { index in
            PythonValue.dictionary([
                "command": .string("load_copies"), "keep_random": .bool(keepingRandomness),
                "states": .list(states[index * copiesPerWorker..<(index + 1) * copiesPerWorker].map(PythonValue.string)),
            ]).json
        }
        episodeReturns = returns
        episodeLengths = lengths
    }

    /// The running return and length of each copy's current episode.
    package var episodeStatistics: (returns: [Double], lengths: [Int]) { (episodeReturns, episodeLengths) }

    /// Sends each worker its command and waits for every answer; on any failure closes the pool.
    @discardableResult
    private func exchange(during: String, command: (Int) -> String) throws(GymnasiumBridgeError) -> [WorkerReply] {
        guard !workers.isEmpty else { throw .closed }
        do throws(GymnasiumBridgeError) {
            for (index, worker) in workers.enumerated() { try worker.send(command(index), stoppingWhen: stopRequested) }
            return try Self.awaitReplies(
                from: workers, spec: spec, interpreter: interpreter, copiesPerWorker: copiesPerWorker,
                stoppingWhen: stopRequested)
        } catch {
            killWorkers()
            throw error
        }
    }

    /// After a failure: kills every worker at once (one may be stuck) and reaps it.
    private func killWorkers() {
        for worker in workers { worker.end(grace: 0) }
        workers.removeAll()
    }

    /// Sends one command to the worker holding `copy` (given the copy's index within that
    /// worker) and returns its reply; on any failure closes the pool.
    private func exchange(withWorkerOf copy: Int, during: String, command: (Int) -> String)
        throws(GymnasiumBridgeError) -> WorkerReply
    {
        precondition((0..<numEnvs).contains(copy), "no copy \(copy)")
        guard !workers.isEmpty else { throw .closed }
        let index = copy / copiesPerWorker
        do throws(GymnasiumBridgeError) {
            try workers[index].send(command(copy % copiesPerWorker), stoppingWhen: stopRequested)
            return try Self.awaitReplies(
                from: [workers[index]], spec: spec, interpreter: interpreter, copiesPerWorker: copiesPerWorker,
                firstWorker: index, stoppingWhen: stopRequested)[0]
        } catch {
            killWorkers()
            throw error
        }
    }

    /// Reads the batch out of the shared memory; NaN in an observation is an error.
    private func batch(during: String) throws(GymnasiumBridgeError) -> GymnasiumBatch {
        let m = observationSize, k = copiesPerWorker
        var result = GymnasiumBatch(
            observations: [], rewards: [], terminated: [], truncated: [], finalObservations: [], finishedEpisodes: [])
        result.observations.reserveCapacity(numEnvs * m)
        result.finalObservations.reserveCapacity(numEnvs * m)
        for worker in workers {
            let base = UnsafeRawPointer(worker.memory.base!)
            let doubles = { (offset: Int, count: Int) in
                Array(UnsafeBufferPointer(start: (base + offset).assumingMemoryBound(to: Double.self), count: count))
            }
            let flags = { (offset: Int) in (0..<k).map { base.load(fromByteOffset: offset + $0, as: UInt8.self) != 0 } }
            result.observations += doubles(layout.observations, k * m)
            result.finalObservations += doubles(layout.finalObservations, k * m)
            result.rewards += doubles(layout.rewards, k)
            result.terminated += flags(layout.terminated)
            result.truncated += flags(layout.truncated)
        }
        for copy in 0..<numEnvs {
            let ended = result.terminated[copy] || result.truncated[copy]
            if result.observations[copy * m..<(copy + 1) * m].contains(where: \.isNaN) {
                close()
                throw .nanObservation(copy: copy, during: during)
            }
            if ended, result.finalObservations[copy * m..<(copy + 1) * m].contains(where: \.isNaN) {
                close()
                throw .nanObservation(copy: copy, during: "\(during) (final observation)")
            }
        }
        return result
    }
}
