/// REINFORCE's batches (Williams 1992, `BatchKind.wholeEpisodes`): `episodes_per_update`
/// complete episodes, with the estimator's Q̂ and targets (`REINFORCE`: the discounted reward-to-go).
///
/// Every copy is reset first, so each episode starts from the start distribution under the
/// current policy. Each copy's share is fixed before stepping: with `W` episodes wanted over `N`
/// copies, copy i keeps its first `q_i = ⌊W/N⌋ + (i < W mod N ? 1 : 0)` episodes. The copies step
/// in lockstep until every quota is met; the batch holds the kept episodes ordered by
/// (copy, episode number).
///
/// Fixing the quotas first is what keeps ĝ unbiased: keeping whichever W episodes end first
/// would over-represent short episodes. Episodes a copy starts after its quota, and steps of
/// episodes left unfinished, are taken (they count as environment steps) but are not part of
/// the batch; `finishedReturns` lists every episode that ended, kept or not.
///
/// A truncated episode is just cut (no bootstrap). With both `reward_to_go` and
/// `discount_weighting` on, ĝ is an unbiased estimate of the gradient of the discounted return
/// (Sutton et al. 2000), whatever the state-dependent baseline. With the value baseline the
/// critic regresses `y_t = G_t`.
final class EpisodeCollector<V: BatchedEnvironment>: BatchCollector {
    let estimator: TrainerSettings.Estimator
    /// Computes Q̂ and the critic's targets of each batch.
    let algorithm: any PolicyGradientAlgorithm
    let policy: PolicyModel
    let critic: (any Critic)?
    let stopPoll: StopPoll
    // Every vector step, time-major, until the quotas are met; the kept episodes are compacted out.
    private let stepObservations = ScratchBuffer<Float>(zero: 0)
    private let stepActions = ScratchBuffer<Int>(zero: 0)
    private let stepContinuous = ScratchBuffer<Float>(zero: 0)
    private let stepRewards = ScratchBuffer<Float>(zero: 0)
    private let stepPreciseRewards = ScratchBuffer<Double>(zero: 0)
    /// The step at which each copy's current episode started.
    private let episodeStarts = ScratchBuffer<Int>(zero: 0)
    /// Episodes each copy still has to contribute to the batch.
    private let episodeQuotas = ScratchBuffer<Int>(zero: 0)
    private var keptEpisodes: [(copy: Int, start: Int, end: Int, terminated: Bool)] = []

    init(
        estimator: TrainerSettings.Estimator, algorithm: any PolicyGradientAlgorithm, policy: PolicyModel,
        critic: (any Critic)?, stopPoll: StopPoll
    ) {
        self.estimator = estimator
        self.algorithm = algorithm
        self.policy = policy
        self.critic = critic
        self.stopPoll = stopPoll
    }

    func collect(_ vector: V, _ generator: inout RandomGenerator, into batch: Rollout) -> Int {
        let n = vector.numEnvs, size = batch.observationSize, wanted = estimator.episodesPerUpdate
        let width = batch.actionDimension
        vector.reset()
        batch.beginStaging()
        keptEpisodes.removeAll(keepingCapacity: true)
        episodeStarts.reserve(n)
        episodeQuotas.reserve(n)
        var unmet = 0
        for i in 0..<n {
            episodeStarts[i] = 0
            episodeQuotas[i] = wanted / n + (i < wanted % n ? 1 : 0)
            if episodeQuotas[i] > 0 { unmet += 1 }
        }
        // gSDE needs fixed-length rollouts (`sde-needs-fixed-length-rollouts`): no exploration matrices.
        let actor = ActorStep(policy: policy, exploration: nil)
        var t = 0
        while unmet > 0 {
            if stopPoll.stopRequested(after: n) { return t * n }
            let k = t * n
            stepObservations.reserve((k + n) * size)
            stepActions.reserve(k + n)
            stepContinuous.reserve((k + n) * width)
            stepRewards.reserve(k + n)
            stepPreciseRewards.reserve(k + n)
            actor.take(
                vector, step: t, row: 0, generator: &generator,
                record: ActorStep.Record(
                    observations: stepObservations.pointer + k * size, actions: stepActions.pointer + k,
                    continuousActions: stepContinuous.pointer + k * width, logProbs: nil))
            for i in 0..<n {
                stepRewards[k + i] = Float(vector.rewards.base[i])
                stepPreciseRewards[k + i] = vector.rewards.base[i]
            }
            for e in 0..<vector.finishedEpisodes.count {
                let episode = vector.finishedEpisodes.base[e]
                let i = episode.copy
                batch.recordFinishedEpisode(episode)
                if episodeQuotas[i] > 0 {
                    keptEpisodes.append((i, episodeStarts[i], t, episode.terminated))
                    episodeQuotas[i] -= 1
                    if episodeQuotas[i] == 0 { unmet -= 1 }
                }
                episodeStarts[i] = t + 1
            }
            t += 1
        }
        compactKeptEpisodes(into: batch, numEnvs: n)
        return t * n
    }

    /// Copies the kept episodes into `batch` one after another, ordered by (copy, episode
    /// number), with the weights `w_t = γ^t` (`discount_weighting`) or 1 and
    /// `termScale = 1/episodes`; then the policy's log π and the critic's values over the
    /// compacted batch, as the update uses them, and the estimator's Q̂ and targets.
    private func compactKeptEpisodes(into batch: Rollout, numEnvs n: Int) {
        let size = batch.observationSize, width = batch.actionDimension, wanted = estimator.episodesPerUpdate
        // Each copy's episodes are kept in order of start.
        keptEpisodes.sort { ($0.copy, $0.start) < ($1.copy, $1.start) }
        var count = 0
        for e in keptEpisodes { count += e.end - e.start + 1 }
        batch.beginEpisodes(terms: count, episodes: wanted)
        let gamma = Float(estimator.gamma)
        var k = 0
        for e in keptEpisodes {
            var weight: Float = 1
            for tau in e.start...e.end {
                let row = tau * n + e.copy
                (batch.observationStorage.pointer + k * size).update(
                    from: stepObservations.pointer + row * size, count: size)
                batch.actionStorage[k] = stepActions[row]
                (batch.continuousActionStorage.pointer + k * width).update(
                    from: stepContinuous.pointer + row * width, count: width)
                batch.rewardStorage[k] = stepRewards[row]
                batch.preciseRewardStorage[k] = stepPreciseRewards[row]
                let last = tau == e.end
                batch.terminatedStorage[k] = last && e.terminated
                batch.truncatedStorage[k] = last && !e.terminated
                batch.endedStorage[k] = last
                batch.timeStorage[k] = tau - e.start
                batch.weightStorage[k] = estimator.discountWeighting ? weight : 1
                weight *= gamma
                k += 1
            }
        }
        let observations = batch.observationStorage.pointer
        policy.forward(observations, count: count, row: 0)
        policy.logProbs(
            actions: batch.actionStorage.pointer, continuous: batch.continuousActionStorage.pointer, count: count,
            into: batch.logProbStorage.pointer)
        let stateValues = batch.stateValueStorage.pointer
        batch.nextValueStorage.pointer.update(repeating: 0, count: count)
        if let critic {
            critic.forward(observations, count: count, row: 0)
            for j in 0..<count { stateValues[j] = critic.output(row: j)[0] }
        } else {
            stateValues.update(repeating: 0, count: count)
        }
        algorithm.estimateTargets(of: batch, settings: estimator)
    }
}
