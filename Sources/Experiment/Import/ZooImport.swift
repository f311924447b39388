import Foundation
import PolicyGradient
import YAML

/// `runner import zoo`: one entry of an rl-zoo3 hyperparameter file (`hyperparams/a2c.yml`,
/// `ppo.yml`) turned into an experiment file.
///
/// Keys are mapped as docs/configuration.md's table "From Stable-Baselines3 and rl-zoo3" says;
/// SB3's defaults are written out for the keys the entry leaves out (PPO: `n_steps` 2048,
/// `batch_size` 64, `n_epochs` 10, Adam eps 1e-5; A2C: `n_steps` 5, RMSprop lr 7e-4, eps 1e-5),
/// so the experiment trains what SB3 would. A key that cannot be mapped becomes a comment at
/// the top of the file saying why; text copied from the zoo file into a comment is escaped, so
/// that it cannot end the comment and become settings. An environment the runner does not
/// have, an entry missing from the file, a value of the wrong type, a number that is not finite
/// and a rate or clipping range that is not a number > 0 or `lin_<number > 0>` are located
/// errors (`ConfigurationError`), so that what is written validates.
public enum ZooImport {
    /// The algorithms whose files can be imported.
    public enum Algorithm: String, Sendable, CaseIterable { case a2c, ppo }

    /// rl-zoo3's hyperparameter files of other algorithms, by name (`sac.yml`, ...).
    static let otherZooAlgorithms: Set<String> = [
        "sac", "td3", "ddpg", "dqn", "qrdqn", "tqc", "trpo", "ars", "crossq", "ppo_lstm", "her",
    ]

    /// Keys an entry for `algorithm` cannot hold, and whose setting they are: another
    /// algorithm's entry was asked for. Off-policy keys (replay buffers, target networks,
    /// exploration schedules) belong to neither A2C nor PPO; PPO's epochs, minibatches and
    /// clipping are not A2C's; A2C's RMSprop switch is not PPO's.
    static func foreignKeys(for algorithm: Algorithm) -> [String: String] {
        var keys: [String: String] = [:]
        for key in ["buffer_size", "learning_starts", "train_freq", "gradient_steps", "tau", "target_update_interval",
                    "exploration_fraction", "exploration_initial_eps", "exploration_final_eps", "replay_buffer_kwargs",
                    "action_noise", "noise_type", "noise_std", "policy_delay", "target_policy_noise",
                    "target_noise_clip", "optimize_memory_usage", "top_quantiles_to_drop_per_net"] {
            keys[key] = "an off-policy algorithm's (SAC, TD3, DQN, ...)"
        }
        switch algorithm {
        case .a2c:
            for key in ["n_epochs", "batch_size", "clip_range", "clip_range_vf", "target_kl"] { keys[key] = "PPO's" }
        case .ppo:
            for key in ["use_rms_prop", "rms_prop_eps"] { keys[key] = "A2C's" }
        }
        return keys
    }

    /// The backend an environment the runner does not have natively is written with.
    static let bridge = "gymnasium"

    /// The experiment text for `environment` with the hyperparameters of the zoo file's entry
    /// `entry` (default: `environment`'s own; the zoo tunes some environments only at an older
    /// version, e.g. `HalfCheetah-v4`).
    public static func experiment(
        fileAt path: String, algorithm: Algorithm, environment: String, entry entryName: String? = nil
    ) throws -> String {
        let entryName = entryName ?? environment
        let root: Node
        do {
            root = try YAMLParser.parse(fileAt: path)
        } catch let diagnostic as Diagnostic {
            throw ConfigurationError([diagnostic])
        }
        guard let entries = root.mapping else {
            throw ConfigurationError([Diagnostic(
                at: root.mark, message: "a zoo hyperparameter file is a mapping of environment ids, found \(root.kindDescription)")])
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
        if otherZooAlgorithms.contains(name) || (Algorithm(rawValue: name).map { $0 != algorithm } ?? false) {
            throw ConfigurationError([Diagnostic(
                at: root.mark,
                message: "this is rl-zoo3's file for \(name) (\(name).yml), not for \(algorithm.rawValue); "
                    + "--algo \(algorithm.rawValue) imports \(algorithm.rawValue).yml")])
        }
        guard let entry = entries.last(where: { $0.key == entryName }) else {
            var message = "no entry for '\(entryName)'"
            if let near = suggestion(for: entryName, among: entries.map(\.key)) { message += "; did you mean '\(near)'?" }
            throw ConfigurationError([Diagnostic(at: root.mark, message: message)])
        }
        // The zoo tunes Gymnasium's environments: those registered without a finite MDP, or
        // any the Gymnasium backend can open.
        let available = EnvironmentRegistry.all.filter { !$0.isTabular }.map(\.id)
        let backend: String?, continuousActions: Bool
        if available.contains(environment) {
            backend = nil
            continuousActions = EnvironmentRegistry.descriptor(id: environment)?.hasContinuousActions == true
        } else {
            do {
                let factory = try EnvironmentBackends.open(
                    ExternalEnvironment(backend: bridge, id: environment), maxEpisodeSteps: nil)
                backend = bridge
                continuousActions = if case .continuous = factory.actionSpace { true } else { false }
            } catch {
                throw ConfigurationError([Diagnostic(
                    at: entry.keyMark, path: entryName,
                    message: "environment '\(environment)' is not available here; the runner has "
                        + "\(available.joined(separator: ", ")), and the \(bridge) backend cannot open it: \(error)")])
            }
        }
        // Every key of another algorithm, located: the entry was written for it, not for this one.
        let foreign = foreignKeys(for: algorithm)
        let strangers = (entry.value.mapping ?? []).compactMap { pair in
            foreign[pair.key].map { owner in
                Diagnostic(
                    at: pair.keyMark, path: "\(entryName).\(pair.key)",
                    message: "'\(pair.key)' is \(owner) setting: this entry is not for \(algorithm.rawValue.uppercased())")
            }
        }
        if !strangers.isEmpty { throw ConfigurationError(strangers) }
        var settings = ZooSettings(
            algorithm: algorithm, environment: environment, entry: entryName, backend: backend,
            continuousActions: continuousActions)
        try settings.read(entry.value, path: entryName)
        let source = (path as NSString).lastPathComponent
        return settings.render(source: source)
    }
}
