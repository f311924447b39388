import Results

/// What a sweep submitted to a cluster asks for: paths (absolute), the array size, the
/// resources and the preamble (`runner submit slurm`).
///
/// The tasks run only what submission staged in the experiment's `cluster/` folder
/// (`StagedRunner`): the runner, `stagedRunner`, and the resolved experiment,
/// `stagedExperiment`; they start in that folder.
package struct ClusterSettings: Sendable, Equatable {
    /// The experiment file as the user named it (recorded in `submissions.json`).
    package var config: String
    /// The output root (`--results`).
    package var resultsRoot: String
    /// The experiment's name, the folder under `resultsRoot`.
    package var experiment: String
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
    /// Shell lines (`--setup`) run, as written, before the runner in every script
    /// (`module load ...`, `export ...`).
    package var setup: [String]

    /// Jobs an array task takes when `--tasks` is not given (`taskCount`).
    package static let jobsPerTask = 4

    package init(
        config: String, resultsRoot: String, experiment: String, tasks: Int, parallel: Int? = nil,
        partition: String? = nil, time: String? = nil, cpusPerTask: Int? = nil, memory: String? = nil,
        overrides: [String] = [], extraArguments: [String] = [], setup: [String] = []
    ) {
        self.config = config
        self.resultsRoot = resultsRoot
        self.experiment = experiment
        self.tasks = tasks
        self.parallel = parallel
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.overrides = overrides
        self.extraArguments = extraArguments
        self.setup = setup
    }

    /// `resultsRoot/experiment`.
    package var experimentDirectory: String { resultsRoot + "/" + experiment }

    /// `resultsRoot/experiment/cluster`: what the tasks run, staged at submission; they start here.
    package var stageDirectory: String { experimentDirectory + "/" + ExperimentFolder.clusterName }

    /// The staged runner, `cluster/runner`.
    package var stagedRunner: String { stageDirectory + "/" + ExperimentFolder.stagedRunnerName }

    /// The staged experiment, `cluster/experiment.yaml`: the file as resolved at submission.
    package var stagedExperiment: String { stageDirectory + "/" + ExperimentFolder.stagedExperimentName }

    /// The array size for `jobs` jobs: `requested`, else ⌈jobs / `jobsPerTask`⌉ (each task
    /// taking several jobs, shared by estimated cost) and at most 1000; never more than the
    /// jobs nor than `maxArraySize` (task ids must stay below it), at least 1.
    package static func taskCount(requested: Int?, jobs: Int, maxArraySize: Int?) -> Int {
        let byDefault = min((jobs + jobsPerTask - 1) / jobsPerTask, 1000)
        var count = min(requested ?? byDefault, max(jobs, 1))
        if let maxArraySize, maxArraySize >= 1 { count = min(count, maxArraySize) }
        return max(count, 1)
    }
}
