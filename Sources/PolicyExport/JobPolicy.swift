import Experiment
import Foundation
import PolicyGradient
import Results
import YAML

/// A completed job's saved policy with the settings it was trained with, read from the job's
/// folder or its `policy.json` (with `config.yaml` beside it), as `runner env trace --policy`
/// and `runner export` take it.
package struct JobPolicy: Sendable {
    /// The `policy.json` read.
    package var policyURL: URL
    package var saved: SavedPolicy
    /// The job's settings, from its `config.yaml`.
    package var settings: TrainerSettings

    /// Reads the policy at `path`, a job's folder or its `policy.json`. Throws
    /// `JobPolicy.Unreadable` naming the file and the reason in words.
    package static func load(_ path: String) throws(Unreadable) -> JobPolicy {
        var isFolder: ObjCBool = false
        let given = URL(fileURLWithPath: path)
        let policyURL = FileManager.default.fileExists(atPath: given.path, isDirectory: &isFolder) && isFolder.boolValue
            ? given.appendingPathComponent("policy.json") : given
        let policyPath = policyURL.path
        let configURL = policyURL.deletingLastPathComponent().appendingPathComponent("config.yaml")
        let data: Data
        do {
            guard let bytes = try SafeFiles.contents(of: policyURL) else {
                throw Unreadable(description: "\(policyPath): cannot read: No such file or directory")
            }
            data = bytes
        } catch let error as Unreadable {
            throw error
        } catch {
            throw Unreadable(description: "\(error)")
        }
        let saved: SavedPolicy
        let settings: TrainerSettings
        do {
            saved = try SavedPolicy.load(data)
        } catch {
            throw Unreadable(description: "\(policyPath): cannot read the saved policy: \(DecodingFailure.reason(error))")
        }
        do {
            try SafeFiles.checkRegularFile(configURL)
            settings = try Self.settings(configAt: configURL.path)
        } catch let error as FileSystemError {
            throw Unreadable(description: error.description)
        } catch let error as ConfigurationError {
            throw Unreadable(description: error.description)
        } catch {
            throw Unreadable(
                description: "\(configURL.path): cannot read the job's configuration: \(DecodingFailure.reason(error))")
        }
        return JobPolicy(policyURL: policyURL, saved: saved, settings: settings)
    }

    /// The trainer's settings from a job's `config.yaml` (its canonical settings and seed).
    static func settings(configAt path: String) throws -> TrainerSettings {
        let tree = try YAMLParser.parse(fileAt: path)
        guard case .int(let seed)? = tree["seed"]?.resolved else { throw TrainerError("\(path) names no seed") }
        let settings = try YAMLDecoder().decode(JobSettings.self, from: tree.removingSeed())
        return try JobConfig(settings: settings, seed: seed).trainerSettings()
    }

    /// A policy or configuration that cannot be read, in words.
    package struct Unreadable: Error, CustomStringConvertible {
        package var description: String
    }
}

extension Node {
    /// A job's `config.yaml` without its `seed`, the settings alone.
    fileprivate func removingSeed() -> Node {
        Node(.mapping((mapping ?? []).filter { $0.key != "seed" }), mark: mark)
    }
}
