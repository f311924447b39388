import Experiment
import Foundation
import Results
import YAML

/// A shorter run of a job: a job folder of the results folder, not one of the plan's jobs,
/// whose `config.yaml` is the job's with a smaller `training.steps` (and, where it follows the
/// budget by default, another `training.eval_every`) (docs/architecture.md, "Continuing
/// training").
struct Predecessor: Sendable {
    let files: JobFiles
    let jobId: String
    let configText: String
    let steps: Int
    /// Whether only `training.steps` differs, so that the job can continue from its state; a
    /// predecessor with another evaluation grid is only replaced (removed once the job finishes).
    let continuable: Bool
}

/// Finding each job's predecessor among the folders of `jobs/`.
enum JobLineage {
    /// The text of the scalar at `training.<key>` of a job's canonical tree.
    static func trainingValue(_ tree: Node, _ key: String) -> String? {
        tree["training"]?[key]?.scalar?.text
    }

    /// `tree` with the scalars at `training.<key>` given the texts of `values`.
    static func replacingTraining(in tree: Node, with values: [String: String]) -> Node {
        var tree = tree
        guard case .mapping(var top) = tree.value,
            let t = top.lastIndex(where: { $0.key == "training" }),
            case .mapping(var training) = top[t].value.value
        else { return tree }
        for (key, text) in values {
            guard let i = training.lastIndex(where: { $0.key == key }), case .scalar(var scalar) = training[i].value.value
            else { continue }
            scalar.text = text
            training[i].value.value = .scalar(scalar)
        }
        top[t].value.value = .mapping(training)
        tree.value = .mapping(top)
        return tree
    }

    /// A candidate folder's configuration and where it lies.
    private struct Candidate {
        var files: JobFiles
        var id: String
        var text: String
        var steps: Int
    }

    /// A candidate's `training.steps` and `training.eval_every`, as written.
    private struct Grid: Hashable {
        var steps: String
        var evalEvery: String
    }

    /// The predecessor of each job at `positions`, by plan position: among the folders of
    /// `jobs/` that are no job of the plan, the one with the most steps whose configuration is
    /// the job's with fewer steps (a continuable one first). Folders that cannot be read are
    /// passed over.
    static func predecessors(_ plan: ExperimentPlan, positions: [Int], folder: ExperimentFolder) -> [Int: Predecessor] {
        let planIds = Set(plan.jobs.map(\.id))
        guard let names = try? SafeFiles.names(in: folder.jobs) else { return [:] }
        var candidates: [Grid: [String: Candidate]] = [:]
        for name in names where !planIds.contains(name) && !name.hasPrefix(".") {
            let files = folder.job(name)
            guard let bytes = try? SafeFiles.contents(of: files.config, followingLinks: false), bytes.count <= 1 << 20
            else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let tree = try? YAMLParser.parse(text, path: files.config.path),
                let stepsText = trainingValue(tree, "steps"), let steps = Int(stepsText),
                let evalEvery = trainingValue(tree, "eval_every")
            else { continue }
            candidates[Grid(steps: stepsText, evalEvery: evalEvery), default: [:]][text] = Candidate(
                files: files, id: name, text: text, steps: steps)
        }
        guard !candidates.isEmpty else { return [:] }
        var found: [Int: Predecessor] = [:]
        for position in positions {
            let job = plan.jobs[position]
            guard let own = trainingValue(job.canonicalTree, "steps").flatMap({ Int($0) }),
                let ownEvalEvery = trainingValue(job.canonicalTree, "eval_every")
            else { continue }
            for (grid, byConfig) in candidates {
                guard let steps = Int(grid.steps), steps < own else { continue }
                let continuable = grid.evalEvery == ownEvalEvery
                if let best = found[position], (best.continuable ? 1 : 0, best.steps) >= (continuable ? 1 : 0, steps) { continue }
                let text = YAMLEmitter.emit(
                    replacingTraining(in: job.canonicalTree, with: ["steps": grid.steps, "eval_every": grid.evalEvery]))
                if let match = byConfig[text] {
                    found[position] = Predecessor(
                        files: match.files, jobId: match.id, configText: match.text, steps: match.steps,
                        continuable: continuable)
                }
            }
        }
        return found
    }
}
