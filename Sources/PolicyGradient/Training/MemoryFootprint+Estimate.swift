extension MemoryFootprint {
    /// The footprint of `settings`. Throws what building its environment throws (only when the
    /// descriptor does not state the sizes), `EnvironmentError` for an unknown id.
    public init(settings: TrainerSettings) throws {
        self.init(settings: settings, shape: try EnvironmentShape(settings.environment))
    }

    /// The footprint of `settings` on an environment of shape `shape`.
    public init(settings s: TrainerSettings, shape: EnvironmentShape) {
        let float = 4, int = 8, double = 8
        let o = shape.observationSize, width = shape.actionWidth
        // Values per stored action: one index, or the action vector (both buffers exist).
        let actionFloats = shape.isContinuous ? width : 1
        // Clamped so that settings the session would refuse still give an estimate.
        let n = Swift.max(1, s.environment.numEnvs)
        let algorithm = s.estimator.name.algorithm
        let isQCritic = algorithm.critic == .actionValue
        let criticOutputs = isQCritic ? width : 1
        let hasCritic = s.hasCritic
        let shared = hasCritic && s.critic.shareTrunk && s.policy.architecture == .mlp

        // Layer widths of each network ([] for a tabular table, which has no activations).
        func layers(_ hidden: [Int], outputs: Int) -> [Int] {
            switch s.policy.architecture {
            case .tabular: return []
            case .linear: return [o, outputs]
            case .mlp: return [o] + hidden + [outputs]
            }
        }
        func parameterCount(_ sizes: [Int], outputs: Int) -> Int {
            guard !sizes.isEmpty else { return Self.mul(o, outputs) }  // a states × outputs table
            var total = 0
            for l in 0..<(sizes.count - 1) { total = Self.add(total, Self.mul(sizes[l + 1], sizes[l] + 1)) }
            return total
        }
        /// Activations and the two backward buffers, per forwarded row.
        func floatsPerRow(_ sizes: [Int]) -> Int {
            guard !sizes.isEmpty else { return 2 }  // a table records one state index per row
            return Self.add(sizes.reduce(0, Self.add), Self.mul(2, sizes.max()!))
        }

        let policyLayers = layers(s.policy.hidden, outputs: width)
        var policyCount = parameterCount(policyLayers, outputs: width)
        // log σ: per action, or with gSDE per (feature, action), the features being the input
        // of the mean network's last layer; then one gSDE exploration matrix per copy (below).
        let logStdCount = shape.isContinuous
            ? (s.policy.sde ? Self.mul(policyLayers.count >= 2 ? policyLayers[policyLayers.count - 2] : o, width) : width)
            : 0
        policyCount = Self.add(policyCount, logStdCount)
        let criticLayers: [Int]
        var criticCount = 0
        if shared {
            // The value head on the policy's last hidden layer, in the policy's buffer.
            criticLayers = []
            policyCount = Self.add(policyCount, Self.mul(s.policy.hidden.last.map { $0 + 1 } ?? o + 1, criticOutputs))
        } else if hasCritic {
            criticLayers = layers(s.critic.hidden, outputs: criticOutputs)
            criticCount = parameterCount(criticLayers, outputs: criticOutputs)
        } else {
            criticLayers = []
        }
        let optimizerMoments: Int
        switch s.optimizer.configuration {
        case .adam: optimizerMoments = 2
        case .rmsprop, .sgd: optimizerMoments = 1
        }
        let hasTarget = hasCritic && !shared && s.critic.target == .targetNetwork && algorithm.critic != nil
        let tracksOptimal = s.baseline == .optimal || (s.diagnostics?.compare.contains(.optimal) ?? false)

        var parts = Dictionary(uniqueKeysWithValues: Part.allCases.map { ($0, 0) })
        // θ, gradient, moments; the optimal baseline keeps two more policy-sized vectors.
        parts[.policyParameters] = Self.mul(
            Self.mul(policyCount, 2 + optimizerMoments + (tracksOptimal ? 2 : 0)), float)
        parts[.criticParameters] = Self.mul(Self.mul(criticCount, 2 + optimizerMoments + (hasTarget ? 2 : 0)), float)

        // One batch: the terms, the rows the networks forward, the update's scratch.
        let termBytes = Self.add(
            Self.mul(o + actionFloats, float),
            7 * float + double + int + int + 3 + 2 * float)  // reward … weight, Double reward, action, time, flags, advantage scratch
        let policyRowBytes = Self.mul(floatsPerRow(policyLayers), float)
        let criticRowBytes = hasCritic && !shared ? Self.mul(floatsPerRow(criticLayers), float) : 0
        var rollout: Int
        var policyRows: Int
        var rolloutTerms: Int
        if algorithm.batches == .wholeEpisodes {
            let w = Swift.max(1, s.estimator.episodesPerUpdate), horizon = Swift.max(1, shape.horizon)
            let lockstepSteps = Self.mul(w / n + (w % n == 0 ? 0 : 1), horizon)
            let staged = Self.mul(lockstepSteps, n)
            let terms = Self.mul(w, horizon)
            rolloutTerms = terms
            // The stage keeps observation, action and reward of every step of every copy.
            let stageBytes = Self.mul(staged, Self.add(Self.mul(o + actionFloats, float), int + float + double))
            rollout = Self.add(stageBytes, Self.mul(terms, termBytes))
            policyRows = Swift.max(terms, n)
            rollout = Self.add(rollout, Self.mul(terms, criticRowBytes))
        } else {
            let terms = Self.mul(n, s.estimator.nSteps)
            rolloutTerms = terms
            // Bootstrap rows after the terms, and up to one final observation per term.
            let finals = Self.mul(terms, Self.add(Self.mul(o, float), int))
            rollout = Self.add(Self.mul(terms, termBytes), Self.add(Self.mul(n, Self.mul(o, float)), finals))
            // The critic forwards terms, bootstrap rows and finals; a Q critic's policy does too.
            let criticRows = Self.add(Self.mul(terms, 2), n)
            policyRows = isQCritic ? criticRows : terms
            rollout = Self.add(rollout, Self.mul(criticRows, Self.mul(criticRowBytes, hasTarget ? 2 : 1)))
        }
        let evaluationCopies = s.training.evalEpisodes
        policyRows = Swift.max(policyRows, evaluationCopies)
        rollout = Self.add(rollout, Self.mul(policyRows, policyRowBytes))
        parts[.rollout] = rollout

        parts[.minibatches] = algorithm.updateBytes(s, shape: shape)

        // Per copy: observation and final observation, the environment's state, its generator,
        // return, length, reward, flags and finished-episode record.
        // With gSDE, each copy also holds its exploration matrix (log σ's shape).
        let sdeBytes = s.policy.sde && shape.isContinuous ? Self.mul(logStdCount, float) : 0
        let copyBytes = Self.add(Self.add(Self.mul(2 * o + width, float), 256), sdeBytes)
        parts[.environments] = Self.mul(n, copyBytes)
        parts[.evaluation] = Self.mul(
            evaluationCopies, Self.add(copyBytes, Self.add(Self.mul(actionFloats, float), int + 1 + double)))

        if shape.tabularStates > 0 {
            let states = shape.tabularStates
            let entries = Self.mul(Self.mul(states, width), states)
            parts[.tables] = Self.mul(Self.add(Self.add(entries, Self.mul(states, width)), states), double)
        }

        if let diagnostics = s.diagnostics {
            let baselines = 1 + diagnostics.compare.count
            // A second batch and copies, mean and m2 per parameter and baseline, and the batch's
            // Q-estimates and advantages in Double.
            var meter = Self.add(Self.add(rollout, parts[.environments]!), Self.mul(Self.mul(policyCount, baselines), 2 * double))
            meter = Self.add(meter, Self.mul(rolloutTerms, 2 * double))
            if shape.tabularStates > 0 {
                // The exact gradient's occupancy (H × S) and its (S × A) tables.
                meter = Self.add(meter, Self.mul(Self.mul(shape.horizon, shape.tabularStates), double))
                meter = Self.add(meter, Self.mul(Self.mul(shape.tabularStates, width), 5 * double))
            }
            parts[.diagnostics] = meter
        }
        bytes = parts
    }
}
