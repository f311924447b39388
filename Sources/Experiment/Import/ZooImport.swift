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

    /// The experiment text for `environment`'s entry of the zoo file at `path`.
    public static func experiment(fileAt path: String, algorithm: Algorithm, environment: String) throws -> String {
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
        guard let entry = entries.last(where: { $0.key == environment }) else {
            var message = "no entry for '\(environment)'"
            if let near = suggestion(for: environment, among: entries.map(\.key)) { message += "; did you mean '\(near)'?" }
            throw ConfigurationError([Diagnostic(at: root.mark, message: message)])
        }
        // The zoo tunes Gymnasium's environments: those registered without a finite MDP.
        let available = EnvironmentRegistry.all.filter { !$0.isTabular }.map(\.id)
        guard available.contains(environment) else {
            throw ConfigurationError([Diagnostic(
                at: entry.keyMark, path: environment,
                message: "environment '\(environment)' is not available here; the runner has \(available.joined(separator: ", "))")])
        }
        var settings = ZooSettings(algorithm: algorithm, environment: environment)
        try settings.read(entry.value, path: environment)
        let source = (path as NSString).lastPathComponent
        return settings.render(source: source)
    }
}
