import ArgumentParser
import Foundation
import PolicyExport
import PolicyGradient

/// `runner env trace [ID] --policy jobs/<id>`: the trained agent's episodes as
/// `EnvironmentTrace` CSV, each from the state its episode started in, in the environment the
/// policy records.
struct PolicyTrace {
    /// The environment the user named, if any: it must be the policy's.
    var id: String?
    /// A job's folder, or its `policy.json` (with `config.yaml` beside it).
    var policyPath: String
    var episodes: Int
    var seed: UInt64

    func csv() throws -> String {
        let job: JobPolicy
        do {
            job = try JobPolicy.load(policyPath)
        } catch {
            throw ValidationError(error.description)
        }
        let saved = job.saved, settings = job.settings
        if let id, saved.environment != id {
            throw ValidationError("\(job.policyURL.path) was trained on \(saved.environment), not \(id)")
        }
        let environment = try settings.environment.makeEnvironment()
        let played = try Trainer.episodes(
            saved, settings: settings, count: episodes, greedy: settings.training.evalPolicy == .greedy, seed: seed)
        var text = ""
        for (k, episode) in played.enumerated() {
            let trace = try EnvironmentTrace.csv(environment, state: episode.state, actions: episode.actions)
            text += "# episode \(k)\n" + trace
        }
        return String(text.dropLast())
    }
}
