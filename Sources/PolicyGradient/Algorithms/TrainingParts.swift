/// What an estimator builds its collector and update rule from: the run's settings, its models
/// and the collaborators they share. Opaque outside the module; `PolicyGradientAlgorithm`'s
/// defaults pick among the collectors and update rules here.
public struct TrainingParts<E: Environment> {
    let settings: TrainerSettings
    let algorithm: any PolicyGradientAlgorithm
    let policy: PolicyModel
    let critic: (any Critic)?
    /// With `critic.target: target_network`, the copy that gives the bootstrap values.
    let targetCritic: (any Critic)?
    let forwarded: ForwardedBatch
    let term: PolicyGradientTerm
    let step: GradientStep
    let stopPoll: StopPoll
    /// With gSDE, the training copies' exploration matrices.
    let exploration: ExplorationMatrices?

    /// A built batch collector.
    public struct Collector {
        let collector: any BatchCollector<E>
    }

    /// A built update rule.
    public struct Update {
        let rule: any UpdateRule
    }

    /// Whole episodes from reset copies.
    func episodeCollector() -> Collector {
        Collector(collector: EpisodeCollector<E>(
            estimator: settings.estimator, algorithm: algorithm, policy: policy, critic: critic, stopPoll: stopPoll))
    }

    /// `n_steps` steps of every copy, episodes continuing across batches.
    func fixedLengthCollector() -> Collector {
        Collector(collector: FixedLengthCollector<E>(
            estimator: settings.estimator, algorithm: algorithm, policy: policy, critic: critic,
            targetCritic: targetCritic, stopPoll: stopPoll, exploration: exploration))
    }

    /// One gradient step per batch on the policy-gradient loss (and the critic's).
    func policyGradientUpdate() -> Update {
        Update(rule: PolicyGradientUpdate(
            term: term, critic: critic, isQCritic: algorithm.critic == .actionValue, step: step, settings: settings))
    }

    /// PPO's epochs of clipped-surrogate minibatch steps.
    func ppoUpdate() -> Update {
        Update(rule: PPOUpdate(forwarded: forwarded, critic: critic, step: step, stopPoll: stopPoll, settings: settings))
    }
}
