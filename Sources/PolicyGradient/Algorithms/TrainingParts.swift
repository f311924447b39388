/// What an estimator builds its collector and update rule from: the run's settings, its models
/// and the collaborators they share. Opaque outside the module; `PolicyGradientAlgorithm`'s
/// defaults pick among the collectors and update rules here.
public struct TrainingParts<V: BatchedEnvironment> {
    let settings: TrainerSettings
    let algorithm: any PolicyGradientAlgorithm
    /// The models: the policy, the critic, and with `critic.target: target_network` the critic's target copy.
    let policy: PolicyModel, critic: (any Critic)?, targetCritic: (any Critic)?
    /// What the collector and the update rule share with the run (with gSDE, `exploration`).
    let forwarded: ForwardedBatch, term: PolicyGradientTerm, step: GradientStep, stopPoll: StopPoll
    let exploration: ExplorationMatrices?

    /// A built batch collector.
    public struct Collector {
        let collector: any BatchCollector<V>
    }

    /// A built update rule.
    public struct Update {
        let rule: any UpdateRule
    }

    /// Whole episodes from reset copies.
    func episodeCollector() -> Collector {
        Collector(collector: EpisodeCollector<V>(
            estimator: settings.estimator, algorithm: algorithm, policy: policy, critic: critic, stopPoll: stopPoll))
    }

    /// `n_steps` steps of every copy, episodes continuing across batches.
    func fixedLengthCollector() -> Collector {
        Collector(collector: FixedLengthCollector<V>(
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
