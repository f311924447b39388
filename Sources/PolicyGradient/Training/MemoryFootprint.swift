import Foundation

/// An estimate, made before anything is built, of the bytes one training job allocates.
///
/// It counts what `TrainingSession` and its components hold at their working size:
///
/// - **parameters**: θ and its gradient for the policy and the critic (one buffer with a shared
///   trunk), the optimizer's moments (two per parameter for Adam, one for RMSprop and SGD), the
///   target critic's copy, and the two gradient vectors of the `optimal` baseline;
/// - **rollout**: one batch of `T = num_envs · n_steps` terms (observation, action, reward, log π,
///   values, estimates, weights, flags), the `num_envs` bootstrap rows, up to `T` stored final
///   observations, the scratch vectors of the update, and the networks' activations for every
///   forwarded row (`Σ widths + 2 · max width` floats per row); REINFORCE instead stages every
///   step of every copy until each copy has its quota of episodes, up to
///   `⌈W/N⌉ · H · N` steps (W `episodes_per_update`, N copies, H `max_episode_steps`), and its
///   batch holds up to `W · H` terms;
/// - **minibatches**: PPO's shuffled permutation and minibatch copies;
/// - **environments**: training and evaluation copies (`eval_episodes` of them) with their
///   observation, final-observation, reward and bookkeeping buffers;
/// - **tables**: a tabular MDP's transition, reward and start tables;
/// - **diagnostics**: the gradient-variance meter's second batch and environments, its running
///   moments (two doubles per parameter and baseline) and the exact gradient's occupancy table.
///
/// Counts saturate at `Int.max` instead of overflowing, so an absurd configuration gives an
/// absurd (but finite) estimate. The estimate is deliberately an upper bound on what the
/// components ask for (a REINFORCE episode counts as long as the time limit allows); growth
/// slack of reusable buffers and the runtime's own overhead are not counted.
public struct MemoryFootprint: Sendable, Equatable {
    /// What a share of the bytes holds, so a message can name the setting behind it.
    public enum Part: String, Sendable, CaseIterable {
        /// The policy's parameters, gradients and optimizer state.
        case policyParameters
        /// The critic's (and target critic's) parameters, gradients and optimizer state.
        case criticParameters
        /// One batch of experience and the networks' activations over it.
        case rollout
        /// PPO's minibatch copies.
        case minibatches
        /// The training copies of the environment.
        case environments
        /// The evaluation copies of the environment and their scratch.
        case evaluation
        /// A tabular MDP's tables.
        case tables
        /// The gradient-variance meter.
        case diagnostics
    }

    /// The largest estimate a job may have: 8 GiB.
    public static let limit = 8 << 30

    /// Bytes per part (every part present, 0 when unused).
    public private(set) var bytes: [Part: Int]

    /// The sum of the parts, saturating at `Int.max`.
    public var total: Int { bytes.values.reduce(0, Self.add) }

    /// The part holding the most bytes (the first in `Part.allCases` order on ties).
    public var largestPart: Part {
        Part.allCases.max { (bytes[$0] ?? 0) < (bytes[$1] ?? 0) }!
    }

    /// The sizes of an environment that the footprint depends on.
    public struct EnvironmentShape: Sendable, Equatable {
        /// Floats per observation.
        public var observationSize: Int
        /// Actions (discrete) or the action dimension (continuous).
        public var actionWidth: Int
        public var isContinuous: Bool
        /// The time limit H.
        public var horizon: Int
        /// Whether every episode lasts exactly H steps (no terminal state), so a REINFORCE
        /// update takes at least `⌈W/N⌉ · N · H` steps.
        public var endsOnlyAtTimeLimit: Bool
        /// States of a tabular MDP (0 for a classic-control environment).
        public var tabularStates: Int

        public init(
            observationSize: Int, actionWidth: Int, isContinuous: Bool, horizon: Int, endsOnlyAtTimeLimit: Bool,
            tabularStates: Int = 0
        ) {
            self.observationSize = observationSize
            self.actionWidth = actionWidth
            self.isContinuous = isContinuous
            self.horizon = horizon
            self.endsOnlyAtTimeLimit = endsOnlyAtTimeLimit
            self.tabularStates = tabularStates
        }

        /// The shape of the environment `settings` name: the registry's sizes for a classic-control
        /// id, the MDP's for a tabular one. Throws `TrainerError` for an unknown id.
        public init(_ settings: TrainerSettings.Environment) throws {
            switch settings.source {
            case .classic(let id):
                guard let descriptor = EnvironmentRegistry.descriptor(id: id), !descriptor.isTabular,
                    let observationSize = descriptor.observationSize, let space = descriptor.actionSpace
                else { throw TrainerError("unknown environment id '\(id)'") }
                let (width, continuous): (Int, Bool)
                switch space {
                case .discrete(let actions): (width, continuous) = (actions, false)
                case .continuous(let dimension, _, _): (width, continuous) = (dimension, true)
                }
                self.init(
                    observationSize: observationSize, actionWidth: width, isContinuous: continuous,
                    horizon: settings.maxEpisodeSteps ?? descriptor.defaultMaxEpisodeSteps ?? Int.max,
                    endsOnlyAtTimeLimit: false)
            case .tabular(let mdp):
                self.init(
                    observationSize: mdp.states, actionWidth: mdp.actions, isContinuous: false,
                    horizon: settings.maxEpisodeSteps ?? mdp.horizon, endsOnlyAtTimeLimit: !mdp.terminal.contains(true),
                    tabularStates: mdp.states)
            }
        }
    }

    /// The footprint of `settings`. Throws `TrainerError` for an unknown environment id.
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
        let isQCritic = s.estimator.name == .actorCritic
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
        if shape.isContinuous { policyCount = Self.add(policyCount, width) }  // log σ
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
        let hasTarget = hasCritic && !shared && s.critic.target == .targetNetwork && s.estimator.name.needsCritic
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
        if s.estimator.name == .reinforce {
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

        if s.estimator.name == .ppo {
            let terms = Self.mul(n, s.estimator.nSteps)
            let size = Swift.max(1, terms / Swift.max(1, s.estimator.minibatches))
            let perTerm = Self.add(Self.mul(o + actionFloats, float), int + 5 * float)
            parts[.minibatches] = Self.add(Self.mul(terms, int), Self.mul(size, perTerm))
        }

        // Per copy: observation and final observation, the environment's state, its generator,
        // return, length, reward, flags and finished-episode record.
        let copyBytes = Self.add(Self.mul(2 * o + width, float), 256)
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

    /// Whether the whole footprint can be allocated now: maps `total` bytes of anonymous memory,
    /// as the allocator would for large blocks, and unmaps them untouched. Throws `TrainerError`
    /// naming the size and the system's reason when it cannot. (A `malloc`/`free` pair would do,
    /// but the optimizer may remove one whose memory is never used.)
    public func probe() throws {
        let size = total
        guard size > 0 else { return }
        let failure = UnsafeMutableRawPointer(bitPattern: -1)
        var reason = "more than the address space holds"
        if size < Int.max {
            let block = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0)
            if let block, block != failure {
                munmap(block, size)
                return
            }
            reason = String(cString: strerror(errno))
        }
        throw TrainerError(
            "cannot allocate \(size) bytes (about \(Self.describe(size))) for this job's parameters, batches "
                + "and environments: \(reason)")
    }

    /// `size` in decimal units with one decimal: `17.2 GB`, `640.0 kB`, `512 bytes`.
    public static func describe(_ size: Int) -> String {
        if size == Int.max { return "more than 9.2 EB" }
        let units = ["kB", "MB", "GB", "TB", "PB", "EB"]
        guard size >= 1000 else { return "\(size) bytes" }
        var value = Double(size) / 1000
        var unit = 0
        while value >= 999.95 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = (value * 10).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10) \(units[unit])"
    }

    static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    static func mul(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}
