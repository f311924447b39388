import ArgumentParser
import Experiment
import Foundation
import PolicyGradient
import Results
import YAML

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
        var isFolder: ObjCBool = false
        let given = URL(fileURLWithPath: policyPath)
        let policyURL = FileManager.default.fileExists(atPath: given.path, isDirectory: &isFolder) && isFolder.boolValue
            ? given.appendingPathComponent("policy.json") : given
        let policyPath = policyURL.path
        let configURL = policyURL.deletingLastPathComponent().appendingPathComponent("config.yaml")
        let data: Data
        do {
            guard let bytes = try SafeFiles.contents(of: policyURL) else {
                throw ValidationError("\(policyPath): cannot read: No such file or directory")
            }
            data = bytes
        } catch let error as FileSystemError {
            throw ValidationError(error.description)
        }
        let saved: SavedPolicy
        let settings: TrainerSettings
        do {
            saved = try SavedPolicy.load(data)
        } catch {
            throw ValidationError("\(policyPath): cannot read the saved policy: \(DecodingFailure.reason(error))")
        }
        do {
            try SafeFiles.checkRegularFile(configURL)
            settings = try Self.settings(configAt: configURL.path)
        } catch let error as FileSystemError {
            throw ValidationError(error.description)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        } catch {
            throw ValidationError("\(configURL.path): cannot read the job's configuration: \(DecodingFailure.reason(error))")
        }
        if let id, saved.environment != id {
            throw ValidationError("\(policyPath) was trained on \(saved.environment), not \(id)")
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

    /// The trainer's settings from a job's `config.yaml` (its canonical settings and seed).
    static func settings(configAt path: String) throws -> TrainerSettings {
        let tree = try YAMLParser.parse(fileAt: path)
        guard case .int(let seed)? = tree["seed"]?.resolved else { throw TrainerError("\(path) names no seed") }
        let settings = try YAMLDecoder().decode(JobSettings.self, from: tree.removingSeed())
        return try JobConfig(settings: settings, seed: seed).trainerSettings()
    }
}

extension Node {
    /// A job's `config.yaml` without its `seed`, the settings alone.
    fileprivate func removingSeed() -> Node {
        Node(.mapping((mapping ?? []).filter { $0.key != "seed" }), mark: mark)
    }
}
