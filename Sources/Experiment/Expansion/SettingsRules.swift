import PolicyGradient
import YAML

/// The rules that tie settings together (docs/architecture.md, "The experiment file").
///
/// Settings that cannot work together are errors: the core's `TrainerSettings.rules`, which the
/// trainer also enforces, reported here at the offending setting. Settings the chosen components merely
/// ignore draw a warning when written in the file, and are left out of the job's canonical
/// form, so that writing them never changes a job's identity.
enum SettingsRules {
    /// Key paths whose values the job's components ignore.
    static func ignoredPaths(_ s: JobSettings) -> [[String]] {
        var ignored: [[String]] = []
        func ignore(_ section: String, _ keys: String...) { ignored += keys.map { [section, $0] } }

        // The estimator reads its own keys; every other key of the section is ignored.
        let algorithm = s.estimator.name.algorithm
        let reads = algorithm.estimatorKeys
        ignored += EstimatorSettings.CodingKeys.allCases.map(\.stringValue).filter { !reads.contains($0) }
            .map { ["estimator", $0] }

        if s.policy.architecture != .mlp { ignore("policy", "hidden", "activation") }
        if !s.environment.id.hasContinuousActions { ignore("policy", "log_std_init") }
        if !s.policy.sde { ignore("policy", "sde_sample_freq") }

        if !TrainerSettings.learnsCritic(s.estimator.name, s.baseline) {
            ignored.append(["critic"])
        } else {
            if s.critic.target != .targetNetwork { ignore("critic", "target_update") }
            if s.critic.shareTrunk || s.policy.architecture != .mlp { ignore("critic", "hidden", "activation") }
        }

        let constants: [Baseline] = [.mean, .optimal]
        let compared = s.diagnostics.gradientVariance?.compare ?? []
        if !constants.contains(s.baseline) && !compared.contains(where: constants.contains) {
            ignored.append(["baseline_decay"])
        }
        if algorithm.batches == .wholeEpisodes { ignored.append(["diagnostics", "gradient_variance", "start"]) }

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

        // The rules the trainer also enforces; the environment source is not consulted.
        let trainer = s.trainerSettings(source: s.environment.source, seed: 0)
        for violation in trainer.violations(on: EnvironmentTraits(s.environment.id.descriptor)) {
            log.error(violation.message, at: location(of: violation, in: tree), path: violation.keyPath)
        }

        checkResources(s, tree: tree, log: &log)

        // `start: continue` clones the training copies, which needs their states copied.
        if !s.environment.id.canCopyStates, let variance = s.diagnostics.gradientVariance, variance.start == .continue,
            s.estimator.name.algorithm.batches == .fixedLength
        {
            let written = tree.lookup(["diagnostics", "gradient_variance", "start"])
            log.error(
                "continue clones the training copies, and the states of \(s.environment.id) cannot be copied "
                    + "(checked when it was opened): set diagnostics.gradient_variance.start: reset",
                at: written?.mark ?? mark("diagnostics", "gradient_variance"), path: "diagnostics.gradient_variance.start")
        }

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

    /// Where `violation`'s setting is written: its node, the sequence item it names, or the
    /// nearest enclosing key present in the file (a default is written nowhere).
    private static func location(of violation: SettingsViolation, in tree: Node) -> Mark {
        var keys = violation.keys[...]
        while !keys.isEmpty {
            if let node = tree.lookup(Array(keys)) {
                if keys.count == violation.keys.count, let i = violation.index, let items = node.sequence, i < items.count {
                    return items[i].mark
                }
                return node.mark
            }
            keys = keys.dropLast()
        }
        return tree.mark
    }

    private static func reason(for path: [String], _ s: JobSettings) -> String {
        switch path[0] {
        case "estimator": return "the \(s.estimator.name) estimator does not use it"
        case "policy" where path[1] == "log_std_init": return "\(s.environment.id.rawValue) has discrete actions"
        case "policy" where path[1] == "sde_sample_freq": return "only policy.sde: true uses it"
        case "policy": return "only an mlp policy uses it"
        case "critic" where path.count == 1: return "this job learns no critic"
        case "critic" where path[1] == "target_update": return "only target_network uses it"
        case "critic": return "the critic shares the policy's network"
        case "optimizer": return "\(s.optimizer.name.rawValue) does not use it"
        case "baseline_decay": return "only the mean and optimal baselines use it, and this job neither trains with nor measures them"
        case "diagnostics": return "\(s.estimator.name) batches are whole episodes, which always start from the start distribution"
        default: return "not used by this job"
        }
    }
}
