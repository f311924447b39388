import YAML

/// The rules that tie settings together (docs/architecture.md section 2).
///
/// Settings that cannot work together are errors. Settings the chosen components merely
/// ignore draw a warning when written in the file, and are left out of the job's canonical
/// form, so that writing them never changes a job's identity.
enum SettingsRules {
    /// Whether the job learns a critic: every estimator but reinforce bootstraps from one,
    /// and the `value` baseline is one.
    static func hasCritic(_ s: JobSettings) -> Bool {
        s.estimator.name.needsCritic || s.baseline == .value
    }

    /// Key paths whose values the job's components ignore.
    static func ignoredPaths(_ s: JobSettings) -> [[String]] {
        var ignored: [[String]] = []
        func ignore(_ section: String, _ keys: String...) { ignored += keys.map { [section, $0] } }

        switch s.estimator.name {
        case .reinforce:
            ignore("estimator", "n_steps", "lambda", "bootstrap_truncated", "epochs", "minibatches", "clip")
        case .actorCritic, .a2c:
            ignore("estimator", "lambda", "episodes_per_update", "reward_to_go", "discount_weighting",
                   "epochs", "minibatches", "clip")
        case .gae:
            ignore("estimator", "episodes_per_update", "reward_to_go", "discount_weighting",
                   "epochs", "minibatches", "clip")
        case .ppo:
            ignore("estimator", "episodes_per_update", "reward_to_go", "discount_weighting")
        }

        if s.policy.architecture != .mlp { ignore("policy", "hidden", "activation") }
        if !s.environment.id.hasContinuousActions { ignore("policy", "log_std_init") }

        if !hasCritic(s) {
            ignored.append(["critic"])
        } else {
            if s.critic.target != .targetNetwork { ignore("critic", "target_update") }
            if s.critic.shareTrunk || s.policy.architecture != .mlp { ignore("critic", "hidden", "activation") }
        }

        switch s.optimizer.name {
        case .sgd: ignore("optimizer", "beta1", "beta2", "alpha", "eps")
        case .adam: ignore("optimizer", "momentum", "alpha")
        case .rmsprop: ignore("optimizer", "momentum", "beta1", "beta2")
        }
        return ignored
    }

    /// Checks one cell's settings; `tree` is the cell's settings as written, for marks.
    static func check(_ s: JobSettings, tree: Node, log: inout DiagnosticLog) {
        func mark(_ path: String...) -> Mark { (tree.lookup(path) ?? tree).mark }

        if s.policy.architecture == .tabular && !s.environment.id.isTabular {
            log.error(
                "a tabular policy needs a tabular environment (Chain, Bandit, RandomMDP or Tabular), not \(s.environment.id.rawValue)",
                at: mark("policy", "architecture"), path: "policy.architecture")
        }
        if s.estimator.name == .actorCritic && s.environment.id.hasContinuousActions {
            log.error(
                "actor_critic learns Q(s, a) over discrete actions; \(s.environment.id.rawValue) has continuous actions",
                at: mark("estimator", "name"), path: "estimator.name")
        }
        if s.critic.shareTrunk && hasCritic(s) && s.policy.architecture != .mlp {
            log.error("share_trunk needs an mlp policy", at: mark("critic", "share_trunk"), path: "critic.share_trunk")
        }
        if let variance = s.diagnostics.gradientVariance, !hasCritic(s),
           let i = variance.compare.firstIndex(of: .value) {
            let compare = tree.lookup(["diagnostics", "gradient_variance", "compare"])
            log.error(
                "a 'value' comparison needs a critic; this job has none (estimator reinforce, baseline \(s.baseline.rawValue))",
                at: compare?.sequence?[i].mark ?? mark("diagnostics"),
                path: "diagnostics.gradient_variance.compare[\(i)]")
        }
        if s.estimator.name != .reinforce {
            let batch = s.environment.numEnvs * s.estimator.nSteps  // both bounded at decoding
            if s.training.steps < batch {
                log.error(
                    "is smaller than one update (num_envs x n_steps = \(batch) steps)",
                    at: mark("training", "steps"), path: "training.steps")
            }
            if s.estimator.name == .ppo && s.estimator.minibatches > batch {
                log.error(
                    "exceeds the batch size (num_envs x n_steps = \(batch))",
                    at: mark("estimator", "minibatches"), path: "estimator.minibatches")
            }
        }

        checkResources(s, tree: tree, log: &log)

        if s.estimator.normalizeAdvantage {
            // Standardizing the advantages subtracts their batch mean: a constant baseline cancels.
            let constants: [Baseline] = [.mean, .optimal]
            if constants.contains(s.baseline) {
                log.warning(
                    "has no effect: normalize_advantage subtracts the batch mean, which cancels a constant baseline",
                    at: mark("baseline"), path: "baseline")
            }
            if let variance = s.diagnostics.gradientVariance,
               let i = variance.compare.firstIndex(where: constants.contains) {
                let compare = tree.lookup(["diagnostics", "gradient_variance", "compare"])
                log.warning(
                    "measures the same as none: normalize_advantage cancels a constant baseline",
                    at: compare?.sequence?[i].mark ?? mark("diagnostics"),
                    path: "diagnostics.gradient_variance.compare[\(i)]")
            }
        }

        for path in ignoredPaths(s) {
            guard let node = tree.lookup(path) else { continue }
            let name = path.joined(separator: ".")
            log.warning("ignored: \(reason(for: path, s))", at: node.mark, path: name)
        }
    }

    private static func reason(for path: [String], _ s: JobSettings) -> String {
        switch path[0] {
        case "estimator": return "the \(s.estimator.name.rawValue) estimator does not use it"
        case "policy" where path[1] == "log_std_init": return "\(s.environment.id.rawValue) has discrete actions"
        case "policy": return "only an mlp policy uses it"
        case "critic" where path.count == 1: return "this job learns no critic"
        case "critic" where path[1] == "target_update": return "only target_network uses it"
        case "critic": return "the critic shares the policy's network"
        case "optimizer": return "\(s.optimizer.name.rawValue) does not use it"
        default: return "not used by this job"
        }
    }
}
