import YAML

/// An experiment file expanded into cells and jobs, ready to run.
public struct ExperimentPlan: Sendable {
    /// The most jobs (cells before `exclude`, times seeds) an experiment may expand into.
    public static let maxJobs = 100_000

    /// One point of grid × zip, after exclude.
    public struct Cell: Sendable {
        /// Position in the plan, from 0.
        public var index: Int
        /// `key=value` pairs joined by commas, e.g. `baseline=value,entropy_coef=0.01`;
        /// `default` when nothing is swept.
        public var label: String
        /// The swept keys' values, in axis order, as they appear in labels.
        public var values: [(key: String, value: String)]
        public var settings: JobSettings
    }

    /// A cell and a seed.
    public struct Job: Sendable {
        /// The first 16 hex digits of the SHA-256 of `canonical`.
        public var id: String
        public var cellIndex: Int
        public var seed: Int
        public var config: JobConfig
        /// The job's canonical configuration (docs/architecture.md, "Jobs and identity").
        public var canonical: String
        /// The canonical configuration as a tree, for writing `config.yaml`.
        public var canonicalTree: Node

        /// The label (`CanonicalForm.label`) of the setting at the dotted `path` of the job's
        /// resolved configuration, such as `estimator.name`; nil when it has none there.
        public func settingLabel(at path: String) -> String? {
            var node: Node? = canonicalTree
            for key in path.split(separator: ".", omittingEmptySubsequences: false) { node = node?[String(key)] }
            return node.map(CanonicalForm.label)
        }
    }

    public var name: String
    public var description: String?
    /// The experiment file as resolved (after `extends`).
    public var resolved: Node
    /// The swept keys, in axis order: one column each in plans and reports.
    public var sweptKeys: [String]
    public var cells: [Cell]
    public var jobs: [Job]
    public var seeds: [Int]
    public var regression: RegressionSettings?
    /// The `report` section: each axis's reference for comparisons.
    public var report: ReportSettings
    /// Settings written but ignored by the chosen components.
    public var warnings: [Diagnostic]
    /// The command line's `--set KEY=VALUE` arguments applied to the file, in order.
    public var overrides: [String] = []

    /// One setting by which a cell differs from the cell of the same label in another plan.
    public struct SettingDifference: Sendable, Equatable {
        public var cell: String
        /// The setting's dotted path, such as `training.steps`.
        public var path: String
        /// Its canonical text here and in the other plan (`absent` where it has none).
        public var here: String
        public var there: String
    }

    /// The settings (seeds aside) by which this plan's cells differ from the cells of `other`
    /// that carry the same labels, cell by cell in plan order, paths in file order; cells
    /// `other` lacks are left out.
    public func settingDifferences(from other: ExperimentPlan) -> [SettingDifference] {
        func leaves(_ plan: ExperimentPlan, _ cell: Int) -> [(path: String, text: String)] {
            guard let job = plan.jobs.first(where: { $0.cellIndex == cell }) else { return [] }
            var result: [(String, String)] = []
            func walk(_ node: Node, _ path: String) {
                if let pairs = node.mapping {
                    for pair in pairs where !(path.isEmpty && pair.key == "seed") {
                        walk(pair.value, path.isEmpty ? pair.key : path + "." + pair.key)
                    }
                } else {
                    result.append((path, CanonicalForm.text(node)))
                }
            }
            walk(job.canonicalTree, "")
            return result
        }
        var differences: [SettingDifference] = []
        for cell in cells {
            guard let twin = other.cells.first(where: { $0.label == cell.label }) else { continue }
            let here = leaves(self, cell.index), there = leaves(other, twin.index)
            let thereByPath = Dictionary(there, uniquingKeysWith: { first, _ in first })
            let hereByPath = Dictionary(here, uniquingKeysWith: { first, _ in first })
            for (path, text) in here where thereByPath[path] != text {
                differences.append(.init(cell: cell.label, path: path, here: text, there: thereByPath[path] ?? "absent"))
            }
            for (path, text) in there where hereByPath[path] == nil {
                differences.append(.init(cell: cell.label, path: path, here: "absent", there: text))
            }
        }
        return differences
    }
}
