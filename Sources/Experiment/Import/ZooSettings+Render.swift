import PolicyGradient
import YAML

/// Writing the imported settings as an experiment file.
extension ZooSettings {
    /// The experiment text: a header naming the source, a comment per unmapped key, then the sections.
    func render(source: String) -> String {
        var lines = [
            Self.comment("rl-zoo3's \(algorithm.rawValue) hyperparameters for \(entry), imported from \(source)"),
            Self.comment("(runner import zoo). SB3's defaults are written out where the zoo's entry is silent."),
        ]
        if entry != environment {
            lines.append(Self.comment("The zoo's \(entry) entry, used for \(environment) (--entry)."))
        }
        if let backend {
            lines.append(Self.comment(
                "\(environment) is stepped by \(backend) in Python worker processes: it needs the Python of "
                    + "tools/python/setup-venv.sh (RUNNER_PYTHON)."))
        }
        for note in unmapped { lines.append(Self.comment("not mapped: \(note)")) }
        let continuous = continuousActions
        let name = "zoo-\(algorithm.rawValue)-\(environment.lowercased())"
        lines += ["experiment: \(name)", "", "environment:", "  id: \(environment)"]
        if let backend { lines.append("  backend: \(backend)") }
        lines.append("  num_envs: \(numEnvs)")
        if let normalize {
            lines.append(normalize.observations && normalize.rewards ? "  normalize: true"
                : "  normalize: {observations: \(normalize.observations), rewards: \(normalize.rewards)}")
        }
        lines += ["", "policy:", "  architecture: mlp", "  hidden: \(hidden ?? [64, 64])", "  activation: \(activation ?? "tanh")"]
        if uniformInit { lines.append("  init: uniform") }
        if continuous, let logStdInit { lines.append("  log_std_init: \(Self.number(logStdInit))") }
        if sde {
            lines.append("  sde: true")
            if sdeSampleFreq > 0 { lines.append("  sde_sample_freq: \(sdeSampleFreq)") }
        }

        // SB3's A2C with gae_lambda < 1 is GAE over its n_steps rollouts; with 1, n-step returns.
        let estimator: TrainerSettings.EstimatorName = algorithm == .ppo ? .ppo : (gaeLambda < 1 ? .gae : .a2c)
        lines += ["", "estimator:", "  name: \(estimator)", "  gamma: \(Self.number(gamma))", "  n_steps: \(nSteps)"]
        if estimator.algorithm.estimatorKeys.contains("lambda") { lines.append("  lambda: \(Self.number(gaeLambda))") }
        lines.append("  normalize_advantage: \(normalizeAdvantage)")
        if algorithm == .ppo {
            let batch = numEnvs * nSteps
            // SB3 cuts the batch into pieces of batch_size; we cut it into a number of minibatches.
            let minibatches = max(1, (batch + batchSize - 1) / batchSize)
            lines += ["  epochs: \(epochs)", "  minibatches: \(minibatches)"]
            if batch % batchSize != 0 {
                let note = "approximated: batch_size: \(batchSize) does not divide n_envs x n_steps = \(batch); \(minibatches) minibatches"
                lines.insert(Self.comment(note), at: 2)
            }
            lines.append("  clip: \(Self.number(clip))")
            if clipLinear { lines.append("  clip_schedule: linear") }
            if let clipValue { lines.append("  clip_value: \(Self.number(clipValue))") }
            if let targetKL { lines.append("  target_kl: \(Self.number(targetKL))") }
        }

        lines += ["", "baseline: value", "", "critic:", "  value_coef: \(Self.number(valueCoef))"]
        if let criticHidden { lines.append("  hidden: \(criticHidden)") }
        lines += ["", "entropy_coef: \(Self.number(entropyCoef))", "", "optimizer:"]
        if algorithm == .a2c && useRMSprop {
            lines += ["  name: rmsprop", "  alpha: 0.99", "  eps: \(Self.number(rmspropEps))"]
        } else {
            lines += ["  name: adam", "  eps: 1.0e-5"]
        }
        lines += ["  lr: \(Self.number(lr))", "  schedule: \(lrLinear ? "linear" : "constant")", "  max_grad_norm: \(Self.number(maxGradNorm))"]

        let budget = steps ?? 1_000_000
        lines += ["", "training:", "  steps: \(budget)", "  eval_episodes: 10", "  eval_policy: greedy", "", "seeds: 5", ""]
        return lines.joined(separator: "\n")
    }

    /// A comment line holding `text`, which may come from the zoo file (its keys, values and
    /// name): escaped, so that a line break in it cannot end the comment and start YAML.
    static func comment(_ text: String) -> String {
        "# " + YAMLEmitter.commentText(text)
    }

    /// A float as YAML reads it back: shortest round-trip form, always with a point or exponent.
    static func number(_ x: Double) -> String {
        let text = x.description
        return text.contains(".") || text.contains("e") || text.contains("inf") || text.contains("nan") ? text : text + ".0"
    }
}
