import Results

/// What `runner submit slurm` submits: paths (absolute), the array size and the resources.
public struct SlurmSettings: Sendable, Equatable {
    /// The `runner` executable the tasks run.
    public var runner: String
    /// The experiment file.
    public var config: String
    /// The output root (`--results`).
    public var resultsRoot: String
    /// The experiment's name, the folder under `resultsRoot`.
    public var experiment: String
    /// Where the tasks start (relative paths in the experiment file resolve from here).
    public var workingDirectory: String
    /// N, the array size: tasks 0..<N.
    public var tasks: Int
    /// K, at most K tasks at once (`%K`); nil for no limit.
    public var parallel: Int?
    public var partition: String?
    public var time: String?
    public var cpusPerTask: Int?
    public var memory: String?
    /// `--set KEY=VALUE` overrides, passed on to every task.
    public var overrides: [String]
    /// `--sbatch-arg`s, passed to both `sbatch` calls before the script.
    public var extraArguments: [String]

    public init(
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
    public var experimentDirectory: String { resultsRoot + "/" + experiment }
    /// `resultsRoot/experiment/slurm`: the scripts, their output, `submissions.json`.
    public var slurmDirectory: String { experimentDirectory + "/" + ExperimentFolder.slurmName }

    /// The array size for `jobs` jobs: `requested` or min(jobs, 1000), never more than the
    /// jobs nor than `maxArraySize` (task ids must stay below it), at least 1.
    public static func taskCount(requested: Int?, jobs: Int, maxArraySize: Int?) -> Int {
        var count = min(requested ?? 1000, max(jobs, 1))
        if let maxArraySize, maxArraySize >= 1 { count = min(count, maxArraySize) }
        return max(count, 1)
    }

    /// Why the `#SBATCH` values cannot be written as they are (one word each), or empty.
    public var problems: [String] {
        let values: [(String, String?)] = [("--partition", partition), ("--time", time), ("--mem", memory)]
        return values.compactMap { option, value in
            guard let value else { return nil }
            let bad = value.isEmpty || value.contains { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "\\" }
            return bad ? "\(option) expects one word without spaces or quotes, got '\(value)'" : nil
        }
    }
}
