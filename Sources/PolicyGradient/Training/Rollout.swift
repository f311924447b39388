/// One batch of experience of exactly the shape one update uses, with everything the
/// policy-gradient term needs: terms, their Q-estimates, weights and value baselines.
///
/// Terms are indexed `k = 0..<count`:
/// - fixed-length estimators (actor_critic, a2c, gae, ppo): `count = T·N`, time-major
///   (`k = t·N + i`, step `t` of copy `i`), and `observations` holds `T + 1` rows per copy (the
///   last `N` rows are the observations after the rollout, used to bootstrap);
/// - REINFORCE: the batch's complete episodes one after another, ordered by (copy, episode)
///   (`numEnvs` is 1 in the indexing sense and `steps == count`); `episodes` counts them.
///
/// The policy-gradient term of the batch, for a baseline B, is
///
///     ĝ = termScale · Σ_k termWeights[k] · ∇ log π(a_k|s_k) · Â_k,    Â_k = qEstimates[k] − B_k,
///
/// standardized over the batch first when `normalize_advantage` is on (see
/// `TrainerState.accumulatePolicyGradient`). `termScale` is `1/episodes` for REINFORCE and
/// `1/count` otherwise (a mean over the batch, as Stable-Baselines3).
///
/// A collector starts each batch through `beginFixedLength(numEnvs:steps:)` or
/// `beginEpisodes(terms:episodes:)`, which alone set its shape; PPO reads it back in shuffled
/// minibatches (`minibatches(size:shuffledBy:)`; docs/architecture.md, "Acting, the rollout
/// and the loss"). All buffers are valid until the rollout is collected again.
public final class Rollout {
    /// Observation length.
    public let observationSize: Int
    /// Values per action: 1 for a discrete action, the dimension of a continuous one.
    public let actionDimension: Int
    /// Whether actions are continuous (read `continuousActions`) or discrete (`actions`).
    public let isContinuous: Bool
    /// Copies the terms are interleaved over (1 for REINFORCE batches).
    public private(set) var numEnvs: Int = 1
    /// Steps per copy (T); for REINFORCE, `count`.
    public private(set) var steps: Int = 0
    /// Number of terms.
    public private(set) var count: Int = 0
    /// Rows of `observations`: `count + numEnvs` for fixed-length rollouts, `count` for REINFORCE.
    public private(set) var observationRows: Int = 0
    /// REINFORCE: the number of complete episodes in the batch; otherwise the episodes that
    /// finished during the rollout.
    public private(set) var episodes: Int = 0
    /// The normalization of ĝ: `1/episodes` (REINFORCE) or `1/count`.
    public private(set) var termScale: Float = 1
    /// Number of truncated terms with a stored final observation.
    public private(set) var finalCount: Int = 0
    /// Returns of the episodes that finished while collecting, in order.
    public private(set) var finishedReturns: [Double] = []
    /// Lengths in steps of the same episodes, in the same order.
    public private(set) var finishedLengths: [Int] = []

    let observationStorage = ScratchBuffer<Float>(zero: 0)
    let actionStorage = ScratchBuffer<Int>(zero: 0)
    let continuousActionStorage = ScratchBuffer<Float>(zero: 0)
    let rewardStorage = ScratchBuffer<Float>(zero: 0)
    /// r_k as the environment returned it (Double), for diagnostics' Double estimates.
    let preciseRewardStorage = ScratchBuffer<Double>(zero: 0)
    let terminatedStorage = ScratchBuffer<Bool>(zero: false)
    let truncatedStorage = ScratchBuffer<Bool>(zero: false)
    let endedStorage = ScratchBuffer<Bool>(zero: false)
    let logProbStorage = ScratchBuffer<Float>(zero: 0)
    let stateValueStorage = ScratchBuffer<Float>(zero: 0)
    let nextValueStorage = ScratchBuffer<Float>(zero: 0)
    let qEstimateStorage = ScratchBuffer<Float>(zero: 0)
    let criticTargetStorage = ScratchBuffer<Float>(zero: 0)
    let weightStorage = ScratchBuffer<Float>(zero: 0)
    let timeStorage = ScratchBuffer<Int>(zero: 0)
    let finalRowStorage = ScratchBuffer<Int>(zero: 0)
    let finalObservationStorage = ScratchBuffer<Float>(zero: 0)
    /// The update's advantages Â_k over the whole batch (`subtractBaseline(_:)`), gathered into
    /// minibatches.
    let advantageStorage = ScratchBuffer<Float>(zero: 0)
    /// The current shuffle of `0..<count` (`minibatches(size:shuffledBy:)`).
    let permutationStorage = ScratchBuffer<Int>(zero: 0)
    /// The minibatch `minibatches(size:shuffledBy:)` gathers into, reused by each.
    private(set) lazy var minibatch = Rollout(
        observationSize: observationSize, actionDimension: actionDimension, isContinuous: isContinuous)
    /// A number identifying this collection, so the policy knows whether its workspace rows
    /// still hold this batch's forward pass.
    var generation = 0

    public init(observationSize: Int, actionDimension: Int, isContinuous: Bool) {
        self.observationSize = observationSize
        self.actionDimension = actionDimension
        self.isContinuous = isContinuous
    }

    /// Starts a fixed-length batch: `steps` steps of `numEnvs` copies, time-major, so
    /// `count = steps · numEnvs` terms, followed by `numEnvs` bootstrap observation rows, and
    /// `termScale = 1/count`. Forgets the previous batch's finished episodes and final
    /// observations.
    func beginFixedLength(numEnvs n: Int, steps: Int) {
        let count = steps * n
        reserve(terms: count, extraObservationRows: n)
        numEnvs = n
        self.steps = steps
        self.count = count
        observationRows = count + n
        episodes = 0
        finalCount = 0
        finishedReturns.removeAll(keepingCapacity: true)
        finishedLengths.removeAll(keepingCapacity: true)
        termScale = 1 / Float(count)
    }

    /// Forgets the previous batch's finished episodes, before REINFORCE stages its episodes
    /// (the batch's shape comes after, from `beginEpisodes(terms:episodes:)`).
    func beginStaging() {
        episodes = 0
        finishedReturns.removeAll(keepingCapacity: true)
        finishedLengths.removeAll(keepingCapacity: true)
    }

    /// Starts a REINFORCE batch of `terms` terms, `episodes` complete episodes one after
    /// another (`numEnvs = 1`, `steps = count`, no bootstrap rows), `termScale = 1/episodes`.
    /// Keeps the finished episodes recorded while staging.
    func beginEpisodes(terms: Int, episodes: Int) {
        reserve(terms: terms, extraObservationRows: 0)
        numEnvs = 1
        steps = terms
        count = terms
        observationRows = terms
        self.episodes = episodes
        finalCount = 0
        termScale = 1 / Float(episodes)
    }

    /// Records the return and length of an episode that finished while collecting
    /// (fixed-length batches count it in `episodes` too).
    func recordFinishedEpisode(_ episode: FinishedEpisode) {
        finishedReturns.append(episode.episodeReturn)
        finishedLengths.append(episode.length)
        episodes += 1
    }

    /// Stores the final observation of term `row`, truncated and not terminal, for its bootstrap.
    func appendFinalObservation(row: Int, from observation: UnsafePointer<Float>) {
        let j = finalCount
        finalRowStorage.reserve(j + 1)
        finalObservationStorage.reserve((j + 1) * observationSize)
        finalRowStorage[j] = row
        (finalObservationStorage.pointer + j * observationSize).update(from: observation, count: observationSize)
        finalCount = j + 1
    }

    /// Makes these terms `permutation[start..<start+m]` of `batch`, in that order, with what one
    /// of PPO's steps reads: observations, actions, log π_old, advantages, critic targets and
    /// state values at collection (the other buffers are left as they are). One after another,
    /// no bootstrap rows, `termScale = 1/m`.
    func gather(from batch: Rollout, permutation p: UnsafePointer<Int>, start: Int, count m: Int) {
        observationStorage.reserve(m * observationSize)
        actionStorage.reserve(m)
        continuousActionStorage.reserve(m * actionDimension)
        for b in [logProbStorage, advantageStorage, criticTargetStorage, stateValueStorage] { b.reserve(m) }
        numEnvs = 1
        steps = m
        count = m
        observationRows = m
        episodes = 0
        finalCount = 0
        termScale = 1 / Float(m)
        let size = observationSize, width = actionDimension
        for i in 0..<m {
            let source = p[start + i]
            (observationStorage.pointer + i * size).update(
                from: batch.observationStorage.pointer + source * size, count: size)
            actionStorage[i] = batch.actionStorage[source]
            (continuousActionStorage.pointer + i * width).update(
                from: batch.continuousActionStorage.pointer + source * width, count: width)
            logProbStorage[i] = batch.logProbStorage[source]
            advantageStorage[i] = batch.advantageStorage[source]
            criticTargetStorage[i] = batch.criticTargetStorage[source]
            stateValueStorage[i] = batch.stateValueStorage[source]
        }
    }

    /// Makes room for `terms` terms and `extraObservationRows` rows of observations beyond them.
    private func reserve(terms: Int, extraObservationRows: Int) {
        observationStorage.reserve((terms + extraObservationRows) * observationSize)
        actionStorage.reserve(terms)
        continuousActionStorage.reserve(terms * actionDimension)
        for b in [rewardStorage, logProbStorage, stateValueStorage, nextValueStorage,
                  qEstimateStorage, criticTargetStorage, weightStorage] { b.reserve(terms) }
        preciseRewardStorage.reserve(terms)
        terminatedStorage.reserve(terms)
        truncatedStorage.reserve(terms)
        endedStorage.reserve(terms)
        timeStorage.reserve(terms)
    }

    /// Observations of the terms, `[count × observationSize]` (fixed-length rollouts: followed
    /// by the `numEnvs` rows observed after the last step).
    public var observations: UnsafeBufferPointer<Float> {
        observationStorage.view(observationRows * observationSize)
    }
    /// Discrete actions, `[count]`.
    public var actions: UnsafeBufferPointer<Int> { actionStorage.view(isContinuous ? 0 : count) }
    /// Continuous actions as sampled (before clipping to the bounds), `[count × actionDimension]`.
    public var continuousActions: UnsafeBufferPointer<Float> {
        continuousActionStorage.view(isContinuous ? count * actionDimension : 0)
    }
    /// r_k.
    public var rewards: UnsafeBufferPointer<Float> { rewardStorage.view(count) }
    /// Whether term k's transition entered a terminal state.
    public var terminated: UnsafeBufferPointer<Bool> { terminatedStorage.view(count) }
    /// Whether term k's transition hit the time limit.
    public var truncated: UnsafeBufferPointer<Bool> { truncatedStorage.view(count) }
    /// log π_old(a_k|s_k) at collection.
    public var logProbs: UnsafeBufferPointer<Float> { logProbStorage.view(count) }
    /// The value baseline B(s_k): V(s_k) at collection, or Σ_a π(a|s_k) Q(s_k, a) for
    /// actor_critic (0 without a critic). actor_critic's Q(s_k, a_k) is `qEstimates[k]`.
    public var stateValues: UnsafeBufferPointer<Float> { stateValueStorage.view(count) }
    /// Bootstrap value of the state after term k (see `ReturnEstimators`).
    public var nextValues: UnsafeBufferPointer<Float> { nextValueStorage.view(count) }
    /// Q̂_k, the estimator's stand-in for Q^π(s_k, a_k): G_t or G_0 (reinforce), Q(s,a)
    /// (actor_critic), the n-step return (a2c), the λ-return (gae, ppo).
    public var qEstimates: UnsafeBufferPointer<Float> { qEstimateStorage.view(count) }
    /// The critic's regression target for term k.
    public var criticTargets: UnsafeBufferPointer<Float> { criticTargetStorage.view(count) }
    /// w_k: γ^t with REINFORCE's `discount_weighting`, else 1.
    public var termWeights: UnsafeBufferPointer<Float> { weightStorage.view(count) }
    /// The step of term k within its episode (REINFORCE), or within the rollout.
    public var timeIndices: UnsafeBufferPointer<Int> { timeStorage.view(count) }
}
