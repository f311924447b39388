/// Rollouts of `n_steps` steps of every copy, continuing their episodes across batches
/// (`BatchKind.fixedLength`), with the critic's values and the estimator's Q̂ and targets.
///
/// Storage is time-major (`k = t·N + i`, step t of copy i), as `Rollout` describes; the policy's
/// row k holds term k's forward pass afterwards, which the update reuses (`ForwardedBatch`).
/// `termScale = 1/(n_steps · num_envs)`, a mean over the batch as in Stable-Baselines3. With
/// `critic.target: target_network` the bootstrap values come from a copy of the critic refreshed
/// every `target_update` updates; with `stopgrad`, from the current critic.
final class FixedLengthCollector<V: BatchedEnvironment>: BatchCollector {
    let estimator: TrainerSettings.Estimator
    /// Computes Q̂ and the critic's targets of each batch.
    let algorithm: any PolicyGradientAlgorithm
    let policy: PolicyModel
    let critic: (any Critic)?
    /// With `critic.target: target_network`, the copy that gives the bootstrap values.
    let targetCritic: (any Critic)?
    /// Whether the critic is Q(s, ·) (actor_critic) rather than V(s).
    let isQCritic: Bool
    let stopPoll: StopPoll
    /// With gSDE, the training copies' exploration matrices, drawn from the actions' generator
    /// at the start of every batch (and every `sde_sample_freq` steps of it).
    let exploration: ExplorationMatrices?

    init(
        estimator: TrainerSettings.Estimator, algorithm: any PolicyGradientAlgorithm, policy: PolicyModel,
        critic: (any Critic)?, targetCritic: (any Critic)?, stopPoll: StopPoll, exploration: ExplorationMatrices? = nil
    ) {
        self.estimator = estimator
        self.algorithm = algorithm
        self.policy = policy
        self.critic = critic
        self.targetCritic = targetCritic
        self.isQCritic = algorithm.critic == .actionValue
        self.stopPoll = stopPoll
        self.exploration = exploration
    }

    func collect(_ vector: V, _ generator: inout RandomGenerator, into batch: Rollout) -> Int {
        let n = vector.numEnvs, steps = estimator.nSteps, size = batch.observationSize
        batch.beginFixedLength(numEnvs: n, steps: steps)
        let count = batch.count
        let storesFinals = critic != nil && estimator.bootstrapTruncated
        let width = batch.actionDimension
        let actor = ActorStep(policy: policy, critic: critic, exploration: exploration)
        for t in 0..<steps {
            if stopPoll.stopRequested(after: n) { return t * n }
            let k = t * n
            actor.take(
                vector, step: t, row: k, generator: &generator,
                record: ActorStep.Record(
                    observations: batch.observationStorage.pointer + k * size, actions: batch.actionStorage.pointer + k,
                    continuousActions: batch.continuousActionStorage.pointer + k * width,
                    logProbs: batch.logProbStorage.pointer + k))
            for i in 0..<n {
                let terminated = vector.terminated.base[i], truncated = vector.truncated.base[i]
                batch.rewardStorage[k + i] = Float(vector.rewards.base[i])
                batch.preciseRewardStorage[k + i] = vector.rewards.base[i]
                batch.terminatedStorage[k + i] = terminated
                batch.truncatedStorage[k + i] = truncated
                batch.endedStorage[k + i] = terminated || truncated
                batch.timeStorage[k + i] = t
                batch.weightStorage[k + i] = 1
                if storesFinals && truncated && !terminated {
                    batch.appendFinalObservation(row: k + i, from: vector.finalObservations.base + i * size)
                }
            }
            for e in 0..<vector.finishedEpisodes.count {
                batch.recordFinishedEpisode(vector.finishedEpisodes.base[e])
            }
        }
        (batch.observationStorage.pointer + count * size).update(from: vector.observations.base, count: n * size)
        computeValues(batch)
        algorithm.estimateTargets(of: batch, settings: estimator)
        return count
    }

    /// V(s) of critic row `row`, or Σ_a π(a|s) Q(s, a) with π from policy row `policyRow`.
    @inline(__always)
    func stateValue(_ c: any Critic, row: Int, policyRow: Int) -> Float {
        let out = c.output(row: row)
        guard isQCritic else { return out[0] }
        return policy.expectation(of: out, row: policyRow)
    }

    /// The critic's values of the terms (the value baseline) and the bootstrap value of the
    /// state after each term: 0 after a terminal state, V of the final observation after a
    /// truncation with `bootstrap_truncated`, else V of the next term's state.
    func computeValues(_ batch: Rollout) {
        let n = batch.numEnvs, count = batch.count, size = batch.observationSize
        let stateValues = batch.stateValueStorage.pointer
        let next = batch.nextValueStorage.pointer
        guard let critic else {
            stateValues.update(repeating: 0, count: count)
            next.update(repeating: 0, count: count)
            return
        }
        let observations = batch.observationStorage.pointer
        let finals = batch.finalObservationStorage.pointer
        let finalBase = count + n
        // Bootstrap rows after the terms: the last observations, then the final observations.
        critic.forward(observations + count * size, count: n, row: count)
        if isQCritic { policy.forward(observations + count * size, count: n, row: count) }
        if batch.finalCount > 0 {
            critic.forward(finals, count: batch.finalCount, row: finalBase)
            if isQCritic { policy.forward(finals, count: batch.finalCount, row: finalBase) }
        }
        for k in 0..<count { stateValues[k] = stateValue(critic, row: k, policyRow: k) }
        if isQCritic {
            // A Q critic's Q̂_k = Q(s_k, a_k), read straight from the critic's row (`ActorCritic`).
            let actions = batch.actionStorage.pointer, q = batch.qEstimateStorage.pointer
            for k in 0..<count { q[k] = critic.output(row: k)[actions[k]] }
        }
        // Final observations are stored only for truncated, non-terminal terms: each bootstraps.
        let ended = batch.endedStorage.pointer
        if let target = targetCritic {
            target.forward(observations + n * size, count: count, row: 0)
            if batch.finalCount > 0 { target.forward(finals, count: batch.finalCount, row: count) }
            for k in 0..<count { next[k] = ended[k] ? 0 : stateValue(target, row: k, policyRow: k + n) }
            for j in 0..<batch.finalCount {
                next[batch.finalRowStorage[j]] = stateValue(target, row: count + j, policyRow: finalBase + j)
            }
        } else {
            // The state after term k is term k + n's, whose value is already in stateValues,
            // except in the last step, whose successors are the bootstrap rows.
            let inside = count - n
            for k in 0..<inside { next[k] = ended[k] ? 0 : stateValues[k + n] }
            for k in inside..<count { next[k] = ended[k] ? 0 : stateValue(critic, row: k + n, policyRow: k + n) }
            for j in 0..<batch.finalCount {
                next[batch.finalRowStorage[j]] = stateValue(critic, row: finalBase + j, policyRow: finalBase + j)
            }
        }
    }
}
