import Experiment
import Foundation
import Results
import YAML

/// Whether an experiment may write into a results folder: a folder belongs to the one resolved
/// experiment its `experiment.yaml` holds (docs/architecture.md, "One experiment per folder").
///
/// The same experiment resumes there; one that differs only by a larger `training.steps`
/// continues there (its jobs train on from their shorter predecessors' final states, and the
/// folder becomes the longer run's); any other difference is refused before anything is
/// written.
package enum FolderAdmission {
    /// What the folder holds compared with the experiment to run.
    package enum Verdict: Equatable, Sendable {
        /// No `experiment.yaml` yet.
        case fresh
        /// The same resolved experiment.
        case same
        /// The same experiment with a larger `training.steps` (the old and the new values).
        case longer(from: String, to: String)
    }

    /// The verdict for running `plan` into `folder`; throws `SweepError.otherExperiment` when
    /// the folder holds another experiment, `SweepError.io` when its `experiment.yaml` cannot
    /// be read.
    package static func check(_ plan: ExperimentPlan, folder: ExperimentFolder) throws -> Verdict {
        let stored: Data
        do {
            guard try SafeFiles.isDirectory(folder.directory),
                let bytes = try SafeFiles.contents(of: folder.experimentFile, followingLinks: false)
            else { return .fresh }
            stored = bytes
        } catch let error as FileSystemError {
            if case .failed(_, _, .noSuchFileOrDirectory) = error { return .fresh }
            throw SweepError.io(error)
        }
        let text = String(decoding: stored, as: UTF8.self)
        if text == plan.resolvedText { return .same }
        let differences: [SweepError.Difference]
        do {
            let old = try YAMLParser.parse(text, path: folder.experimentFile.path)
            differences = Self.differences(old, plan.resolved)
        } catch {
            differences = [.init(path: "experiment.yaml", old: "unreadable (\(error))", new: "this file")]
        }
        // Only unrun keys differ: the same jobs; the folder takes the new text.
        if differences.isEmpty { return .same }
        if differences.count == 1, let only = differences.first, only.path == "training.steps",
            let old = Int(only.old), let new = Int(only.new), new > old
        {
            return .longer(from: only.old, to: only.new)
        }
        throw SweepError.otherExperiment(directory: SweepRunner.displayPath(folder.directory), differences: differences)
    }

    /// Top-level keys that neither a job nor its files depend on: the description and the
    /// regression bar (`runner check` judges the same results against a new one).
    static let unrun: Set<String> = ["description", "regression"]

    /// The settings, as dotted paths in file order, by which the resolved trees `old` and
    /// `new` differ: mappings key by key, anything else (a scalar, a list) as a whole; the
    /// `unrun` keys aside.
    static func differences(_ old: Node, _ new: Node) -> [SweepError.Difference] {
        var result: [SweepError.Difference] = []
        func walk(_ old: Node?, _ new: Node?, _ path: String) {
            if unrun.contains(path) { return }
            let oldPairs = old?.mapping, newPairs = new?.mapping
            if oldPairs != nil || newPairs != nil, (old == nil || oldPairs != nil), (new == nil || newPairs != nil) {
                var keys: [String] = []
                for pair in (oldPairs ?? []) + (newPairs ?? []) where !keys.contains(pair.key) { keys.append(pair.key) }
                for key in keys { walk(old?[key], new?[key], path.isEmpty ? key : path + "." + key) }
                return
            }
            let oldText = old.map(CanonicalForm.text) ?? "absent", newText = new.map(CanonicalForm.text) ?? "absent"
            if oldText != newText { result.append(.init(path: path, old: oldText, new: newText)) }
        }
        walk(old, new, "")
        return result
    }

    /// The folder under `root` that a new run of `plan` writes to (`--new-run`): the first of
    /// `<name>-2`, `<name>-3`, … that is not there yet or holds this very experiment (so that
    /// running the same command again resumes it; a deterministic experiment run twice gives
    /// the same files).
    package static func newRunFolder(_ plan: ExperimentPlan, root: URL) throws -> ExperimentFolder {
        var number = 2
        while true {
            let folder = ExperimentFolder(root: root, experiment: "\(plan.name)-\(number)")
            switch try? check(plan, folder: folder) {
            case .fresh?, .same?: return folder
            default: number += 1
            }
        }
    }
}
