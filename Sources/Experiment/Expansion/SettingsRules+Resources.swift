import PolicyGradient
import YAML

/// The rules that bound what one job costs: the memory it allocates and the steps one update takes.
extension SettingsRules {
    /// Rejects a job whose `MemoryFootprint` exceeds `MemoryFootprint.limit`, and a REINFORCE
    /// budget smaller than one update.
    static func checkResources(_ s: JobSettings, tree: Node, log: inout DiagnosticLog) {
        // The environment's tables were checked when decoding; a failure here has been reported.
        guard let trainer = try? JobConfig(settings: s, seed: 0).trainerSettings(),
            let shape = try? MemoryFootprint.EnvironmentShape(trainer.environment)
        else { return }
        checkFootprint(s, trainer: trainer, shape: shape, tree: tree, log: &log)
        checkEpisodeBudget(s, shape: shape, tree: tree, log: &log)
    }

    private static func checkFootprint(
        _ s: JobSettings, trainer: TrainerSettings, shape: MemoryFootprint.EnvironmentShape, tree: Node,
        log: inout DiagnosticLog
    ) {
        let footprint = MemoryFootprint(settings: trainer, shape: shape)
        let total = footprint.total
        guard total > MemoryFootprint.limit else { return }
        let part = footprint.largestPart
        let (candidates, what) = blame(part, s)
        let path = candidates.first { tree.lookup($0) != nil } ?? candidates[0]
        let limit = MemoryFootprint.limit
        log.error(
            "this job would allocate about \(MemoryFootprint.describe(total)) (limit \(limit >> 30) GiB, "
                + "\(MemoryFootprint.describe(limit))); the largest part is \(what), about "
                + MemoryFootprint.describe(footprint.bytes[part] ?? 0),
            at: (tree.lookup(path) ?? tree).mark, path: path.joined(separator: "."))
    }

    /// The settings behind a part of the footprint, most likely written first, and its description.
    private static func blame(_ part: MemoryFootprint.Part, _ s: JobSettings) -> ([[String]], String) {
        let wholeEpisodes = s.estimator.name.algorithm.batches == .wholeEpisodes
        // The larger of the two factors of a batch is the one to point at.
        let batchKeys: [[String]] = wholeEpisodes
            ? (s.environment.maxEpisodeSteps >= s.estimator.episodesPerUpdate
                ? [["environment", "max_episode_steps"], ["estimator", "episodes_per_update"]]
                : [["estimator", "episodes_per_update"], ["environment", "max_episode_steps"]])
            : (s.estimator.nSteps >= s.environment.numEnvs
                ? [["estimator", "n_steps"], ["environment", "num_envs"]]
                : [["environment", "num_envs"], ["estimator", "n_steps"]])
        let tabular = s.policy.architecture == .tabular
        switch part {
        case .policyParameters:
            return (tabular ? [["environment", "params"], ["environment"]] : [["policy", "hidden"], ["policy"]],
                    "the policy's parameters, gradients and optimizer state")
        case .criticParameters:
            return (tabular ? [["environment", "params"], ["environment"]]
                        : [["critic", "hidden"], ["policy", "hidden"], ["critic"], ["policy"]],
                    "the critic's parameters, gradients and optimizer state")
        case .rollout:
            return (batchKeys + [["estimator"]],
                    wholeEpisodes
                        ? "one batch of episodes (up to episodes_per_update x max_episode_steps steps)"
                        : "one batch (num_envs x n_steps steps)")
        case .minibatches:
            return (batchKeys + [["estimator", "minibatches"], ["estimator"]], "the PPO minibatches")
        case .environments:
            return ([["environment", "num_envs"], ["environment"]], "the environment copies")
        case .evaluation:
            return ([["training", "eval_episodes"], ["training"]], "the evaluation copies")
        case .tables:
            return ([["environment", "params"], ["environment"]], "the MDP's tables")
        case .diagnostics:
            return ([["diagnostics", "gradient_variance", "samples"], ["diagnostics"]],
                    "the gradient-variance measurement")
        }
    }

    /// Whole-episode batches (REINFORCE), so one update takes at least `⌈W/N⌉ · N · L` steps
    /// (W episodes over N copies in lockstep, each at least L steps long: the time limit when the
    /// environment has no terminal state, else 1). A budget below that would be overrun.
    private static func checkEpisodeBudget(
        _ s: JobSettings, shape: MemoryFootprint.EnvironmentShape, tree: Node, log: inout DiagnosticLog
    ) {
        guard s.estimator.name.algorithm.batches == .wholeEpisodes else { return }
        let w = s.estimator.episodesPerUpdate, n = s.environment.numEnvs
        let length = shape.endsOnlyAtTimeLimit ? shape.horizon : 1
        let rounds = w / n + (w % n == 0 ? 0 : 1)
        let (copies, overflowA) = rounds.multipliedReportingOverflow(by: n)
        let (minimum, overflowB) = copies.multipliedReportingOverflow(by: length)
        let least = overflowA || overflowB ? Int.max : minimum
        guard s.training.steps < least else { return }
        var message = "is smaller than one update: \(w) episodes per update"
        if n > 1 { message += " over \(n) copies" }
        message += shape.endsOnlyAtTimeLimit
            ? " of exactly \(shape.horizon) steps each (\(s.environment.id.rawValue) episodes end only at max_episode_steps)"
            : " of at least one step each"
        message += least == Int.max ? "" : " take at least \(least) steps"
        log.error(message, at: (tree.lookup(["training", "steps"]) ?? tree).mark, path: "training.steps")
    }
}
