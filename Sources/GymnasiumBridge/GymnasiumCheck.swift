import PolicyGradient

/// `runner env check`: a Gymnasium environment stepped through the bridge, compared bit for bit
/// with the native port of it (docs/environments.md, "Checking a bridged environment").
///
/// Both checks draw their actions from `RandomGenerator(seed:stream: .actions)`: a discrete
/// action uniformly in `0..<n`, a continuous one uniformly between its bounds (`[-1, 1]`
/// where a bound is infinite), the same action for everything stepped.
package enum GymnasiumCheck {
    /// What a check found: the lines to print, and whether everything it compared agreed.
    package struct Outcome: Sendable, Equatable {
        package var lines: [String]
        package var agrees: Bool
    }

    /// Steps Gymnasium's `spec.id` and `native` in lockstep for `steps` steps.
    ///
    /// Each episode starts with a native reset (`RandomGenerator(seed:stream: .environment)`)
    /// whose state is given to Gymnasium (`env.unwrapped.state = ...`, right after its own
    /// reset, so both time limits count from it) and read back. Each step then compares the
    /// observation (Gymnasium's, widened to float64 by the transport, against the native
    /// Float32 widened), the reward, `terminated` and `truncated`, and, while the episode
    /// goes on, the state. The first difference ends the check.
    package static func lockstep<E: Environment>(
        _ spec: GymnasiumEnvironmentSpec, native environment: E, steps: Int, seed: UInt64
    ) throws -> Outcome {
        let pool = try GymnasiumWorkerPool(spec, workers: 1, copiesPerWorker: 1)
        defer { pool.close() }
        let id = spec.id
        if pool.actionSpace != environment.actionSpace || pool.observationSize != environment.observationSize
            || pool.handshake.maxEpisodeSteps != environment.maxEpisodeSteps
        {
            return Outcome(
                lines: [
                    "\(id): the spaces or time limits differ: gymnasium \(pool.actionSpace), \(pool.observationSize) "
                        + "observation values, time limit \(pool.handshake.maxEpisodeSteps.map(String.init) ?? "none"); "
                        + "native \(environment.actionSpace), \(environment.observationSize) observation values, "
                        + "time limit \(environment.maxEpisodeSteps)",
                ],
                agrees: false)
        }
        var native = TimeLimit(environment)
        var resets = RandomGenerator(seed: seed, stream: .environment)
        var actions = ActionDraws(environment.actionSpace, seed: seed)
        _ = try pool.reset(seeds: [seed])
        var episodes = 1, episodeStep = 0

        /// Starts an episode in both; a difference in the state read back, or nil.
        func start() throws -> String? {
            native.reset(using: &resets)
            try pool.setState(native.base.state, ofCopy: 0)
            return difference("state after set_state", gymnasium: try pool.state(ofCopy: 0), native: native.base.state)
        }

        if let found = try start() {
            return Outcome(lines: ["\(id): \(found), before the first step"], agrees: false)
        }
        for step in 0..<steps {
            let action = actions.next()
            let bridged: GymnasiumBatch, result: TimeLimitedStep
            switch environment.actionSpace {
            case .discrete:
                bridged = try pool.step(discrete: [Int(action[0])])
                result = native.step(discrete: Int(action[0]), using: &resets)
            case .continuous:
                bridged = try pool.step(continuous: action)
                result = action.withUnsafeBufferPointer { native.step(continuous: $0, using: &resets) }
            }
            let ended = bridged.terminated[0] || bridged.truncated[0]
            let observation = ended ? bridged.finalObservations : bridged.observations
            let found =
                try difference("observation", gymnasium: observation, native: native.base.observation().map(Double.init))
                ?? difference("reward", gymnasium: [bridged.rewards[0]], native: [result.reward])
                ?? (bridged.terminated[0] != result.terminated
                    ? "terminated: gymnasium \(bridged.terminated[0]), native \(result.terminated)" : nil)
                ?? (bridged.truncated[0] != result.truncated
                    ? "truncated: gymnasium \(bridged.truncated[0]), native \(result.truncated)" : nil)
                ?? (ended ? nil : difference("state", gymnasium: try pool.state(ofCopy: 0), native: native.base.state))
            if let found {
                return Outcome(
                    lines: [
                        "\(id): step \(step) differs (episode \(episodes), its step \(episodeStep), "
                            + "action \(actions.shown(action))): \(found)",
                    ],
                    agrees: false)
            }
            episodeStep += 1
            if ended, step + 1 < steps {
                if let found = try start() {
                    return Outcome(lines: ["\(id): \(found), at the start of episode \(episodes + 1)"], agrees: false)
                }
                episodes += 1
                episodeStep = 0
            }
        }
        return Outcome(
            lines: [
                "\(id): \(steps) steps agree bitwise with the native environment (observations, rewards, "
                    + "terminated, truncated, states; \(episodes) episodes, seed \(seed))",
            ],
            agrees: true)
    }

    /// For an environment without a native port: prints its spaces, then steps two copies
    /// reset with the same seed through the same actions for `steps` steps and compares them
    /// bit for bit (an environment that draws from a generator it shares with others, or from
    /// the clock, differs), and flags observations outside the observation space's bounds.
    /// Only a difference between the copies fails the check.
    package static func smoke(_ spec: GymnasiumEnvironmentSpec, steps: Int, seed: UInt64) throws -> Outcome {
        let pool = try GymnasiumWorkerPool(spec, workers: 1, copiesPerWorker: 2)
        defer { pool.close() }
        let id = spec.id, m = pool.observationSize
        var lines = [
            "\(id): observation space \(describe(pool.handshake.observationSpace))",
            "\(id): action space \(describe(pool.handshake.actionSpace))",
            "\(id): time limit \(pool.handshake.maxEpisodeSteps.map(String.init) ?? "none")",
        ]
        var actions = ActionDraws(pool.actionSpace, seed: seed)
        var batch = try pool.reset(seeds: [seed, seed])
        var outside = 0, firstOutside: String?
        var episodes = 0

        /// Copy 0's and copy 1's rows of `values` (`width` each), compared.
        func copies(_ what: String, _ values: [Double], width: Int) -> String? {
            difference(what, gymnasium: Array(values[0..<width]), native: Array(values[width..<2 * width]))?
                .replacingOccurrences(of: "gymnasium ", with: "copy 0 ")
                .replacingOccurrences(of: "native ", with: "copy 1 ")
        }
        func checkBounds(_ observation: ArraySlice<Double>, step: Int) {
            guard case .box(_, _, let low, let high) = pool.handshake.observationSpace else { return }
            for (j, x) in observation.enumerated() where !(low[j] <= x && x <= high[j]) {
                outside += 1
                if firstOutside == nil {
                    firstOutside = "step \(step): observation[\(j)] = \(x) outside [\(low[j]), \(high[j])]"
                }
            }
        }

        if let found = copies("observation", batch.observations, width: m) {
            lines.append("\(id): the copies differ after reset: \(found)")
            return Outcome(lines: lines, agrees: false)
        }
        checkBounds(batch.observations[0..<m], step: -1)
        for step in 0..<steps {
            let action = actions.next()
            switch pool.actionSpace {
            case .discrete: batch = try pool.step(discrete: [Int(action[0]), Int(action[0])])
            case .continuous: batch = try pool.step(continuous: action + action)
            }
            let ended = batch.terminated[0] || batch.truncated[0]
            let found =
                copies("reward", batch.rewards, width: 1)
                ?? (batch.terminated[0] != batch.terminated[1] || batch.truncated[0] != batch.truncated[1]
                    ? "terminated, truncated: copy 0 \(batch.terminated[0]), \(batch.truncated[0]); "
                        + "copy 1 \(batch.terminated[1]), \(batch.truncated[1])" : nil)
                ?? (ended ? copies("final observation", batch.finalObservations, width: m) : nil)
                ?? copies("observation", batch.observations, width: m)
            if let found {
                lines.append("\(id): step \(step) differs between the copies (action \(actions.shown(action))): \(found)")
                return Outcome(lines: lines, agrees: false)
            }
            if ended {
                episodes += 1
                checkBounds(batch.finalObservations[0..<m], step: step)
            }
            checkBounds(batch.observations[0..<m], step: step)
        }
        lines.append(
            "\(id): \(steps) steps of two copies reset with seed \(seed) agree bitwise (episodes ended: \(episodes))")
        if let firstOutside {
            lines.append("\(id): flagged: \(outside) observation values outside the observation space's bounds; first at \(firstOutside)")
        } else {
            lines.append("\(id): every observation is inside the observation space's bounds")
        }
        return Outcome(lines: lines, agrees: true)
    }

    /// The first index where `gymnasium` and `native` differ in their bits, described with both
    /// values and their bit patterns; nil when they agree.
    static func difference(_ what: String, gymnasium: [Double], native: [Double]) -> String? {
        guard gymnasium.count == native.count else {
            return "\(what): gymnasium has \(gymnasium.count) values, native \(native.count)"
        }
        guard let j = gymnasium.indices.first(where: { gymnasium[$0].bitPattern != native[$0].bitPattern }) else {
            return nil
        }
        let index = gymnasium.count == 1 && what == "reward" ? "" : "[\(j)]"
        return "\(what)\(index): gymnasium \(shown(gymnasium[j])), native \(shown(native[j]))"
    }

    private static func shown(_ x: Double) -> String {
        "\(x) (0x\(String(x.bitPattern, radix: 16)))"
    }

    /// `Box(shape [17], float64, low [...], high [...])` or `Discrete(3, start 0)`.
    static func describe(_ space: GymnasiumSpace) -> String {
        switch space {
        case .discrete(let n, let start): "Discrete(\(n), start \(start))"
        case .box(let shape, let dtype, let low, let high):
            "Box(shape \(shape), \(dtype), low \(bounds(low)), high \(bounds(high)))"
        }
    }

    /// Bounds as one value when they are all equal, else the list.
    private static func bounds(_ values: [Double]) -> String {
        if let first = values.first, values.allSatisfy({ $0 == first }) { return "\(first)" }
        return "[" + values.map(\.description).joined(separator: ", ") + "]"
    }
}

/// The checks' actions: one row a step, from `RandomGenerator(seed:stream: .actions)`.
struct ActionDraws {
    let space: ActionSpace
    var generator: RandomGenerator

    init(_ space: ActionSpace, seed: UInt64) {
        self.space = space
        generator = RandomGenerator(seed: seed, stream: .actions)
    }

    /// An action as printed: a discrete one as its integer, a continuous one as its values.
    func shown(_ action: [Double]) -> String {
        if case .discrete = space { return String(Int(action[0])) }
        return action.map(\.description).joined(separator: " ")
    }

    /// A discrete action as one whole value, or a continuous one drawn between its bounds.
    mutating func next() -> [Double] {
        switch space {
        case .discrete(let n): return [Double(generator.int(below: n))]
        case .continuous(let dimension, let low, let high):
            return (0..<dimension).map { j in
                let (a, b) = (low[j].isFinite ? low[j] : -1, high[j].isFinite ? high[j] : 1)
                return generator.uniform(a, b)
            }
        }
    }
}
