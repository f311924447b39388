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
}
