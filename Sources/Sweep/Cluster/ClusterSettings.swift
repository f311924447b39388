/// What a sweep submitted to a cluster asks for: paths (absolute), the array size and the
/// resources (`runner submit slurm`).
package struct ClusterSettings: Sendable, Equatable {
    /// The `runner` executable the tasks run.
    package var runner: String
    /// The experiment file.
    package var config: String
    /// The output root (`--results`).
    package var resultsRoot: String
    /// The experiment's name, the folder under `resultsRoot`.
    package var experiment: String
    /// Where the tasks start (relative paths in the experiment file resolve from here).
    package var workingDirectory: String
    /// N, the array size: tasks 0..<N.
    package var tasks: Int
    /// K, at most K tasks at once (`%K`); nil for no limit.
    package var parallel: Int?
    package var partition: String?
    package var time: String?
    package var cpusPerTask: Int?
    package var memory: String?
    /// `--set KEY=VALUE` overrides, passed on to every task.
    package var overrides: [String]
    /// The engine's own extra arguments (`--sbatch-arg`s), passed to both submissions.
    package var extraArguments: [String]

    package init(
        runner: String, config: String, resultsRoot: String, experiment: String, workingDirectory: String,
        tasks: Int, parallel: Int? = nil, partition: String? = nil, time: String? = nil, cpusPerTask: Int? = nil,
        memory: String? = nil, overrides: [String] = [], extraArguments: [String] = []
    ) {
        self.runner = runner
        self.config = config
        self.resultsRoot = resultsRoot
        self.experiment = experiment
        self.workingDirectory = workingDirectory
        self.tasks = tasks
        self.parallel = parallel
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.overrides = overrides
        self.extraArguments = extraArguments
    }

    /// `resultsRoot/experiment`.
    package var experimentDirectory: String { resultsRoot + "/" + experiment }

    /// The array size for `jobs` jobs: `requested` or min(jobs, 1000), never more than the
    /// jobs nor than `maxArraySize` (task ids must stay below it), at least 1.
    package static func taskCount(requested: Int?, jobs: Int, maxArraySize: Int?) -> Int {
        var count = min(requested ?? 1000, max(jobs, 1))
        if let maxArraySize, maxArraySize >= 1 { count = min(count, maxArraySize) }
        return max(count, 1)
    }
}
