import YAML

/// The names Stable-Baselines3 and rl-zoo3 give settings that an experiment file spells
/// otherwise: a key written from their habit is answered with ours, wherever it stands
/// (docs/configuration.md, "Validation").
enum ForeignKeyNames {
    /// Their key → where the setting lives here.
    static let stableBaselines3: [String: String] = [
        "ent_coef": "entropy_coef (a top-level key)",
        "gae_lambda": "estimator.lambda",
        "learning_rate": "optimizer.lr (optimizer.schedule: linear for a linear schedule)",
        "n_envs": "environment.num_envs",
        "n_steps": "estimator.n_steps",
        "vf_coef": "critic.value_coef",
        "max_grad_norm": "optimizer.max_grad_norm",
        "clip_range": "estimator.clip (estimator.clip_schedule: linear for a linear schedule)",
        "clip_range_vf": "estimator.clip_value",
        "n_epochs": "estimator.epochs",
        "batch_size": "estimator.minibatches, a count of minibatches: num_envs × n_steps / batch_size",
        "target_kl": "estimator.target_kl",
        "normalize_advantage": "estimator.normalize_advantage",
        "gamma": "estimator.gamma",
        "n_timesteps": "training.steps",
        "total_timesteps": "training.steps",
        "use_sde": "policy.sde",
        "sde_sample_freq": "policy.sde_sample_freq",
        "policy_kwargs": "policy.hidden, policy.activation, policy.log_std_init and policy.init",
        "net_arch": "policy.hidden (and critic.hidden)",
        "activation_fn": "policy.activation",
        "log_std_init": "policy.log_std_init",
        "ortho_init": "policy.init (orthogonal, or uniform for ortho_init=False)",
        "normalize": "environment.normalize",
        "env_id": "environment.id",
        "env": "environment.id",
        "seed": "seeds (a top-level key: a count or a list)",
        "use_rms_prop": "optimizer.name: rmsprop",
        "rms_prop_eps": "optimizer.eps",
        "eval_freq": "training.eval_every",
        "n_eval_episodes": "training.eval_episodes",
    ]
}

extension Diagnostic {
    /// This diagnostic, answering an unknown key that is Stable-Baselines3's or rl-zoo3's name
    /// for a setting with where the setting lives here; any other diagnostic unchanged.
    func explainingForeignKey() -> Diagnostic {
        guard let key = unknownKey, let ours = ForeignKeyNames.stableBaselines3[key] else { return self }
        var d = self
        let unknown = "unknown key '\(key)'"
        let prefix = message.range(of: unknown).map { String(message[..<$0.lowerBound]) } ?? ""
        d.message = prefix + "\(unknown) (Stable-Baselines3's name); here the setting is \(ours)"
        return d
    }
}
