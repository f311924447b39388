import Foundation

/// An experiment's results folder, `<results>/<experiment>/`, and every path in it
/// (docs/architecture.md, "The results folder"): the one place that spells the layout out,
/// down to the folder of each job (`JobFiles`).
package struct ExperimentFolder: Sendable, Equatable {
    /// The results root when none is named (`--results`): `results` in the current folder.
    package static let defaultRoot = "results"

    /// The folder itself, `<results>/<experiment>/`.
    package let directory: URL

    /// The folder at `directory` (as a command names it).
    package init(directory: URL) {
        self.directory = directory
    }

    /// The folder of experiment `name` under the results root `root`.
    package init(root: URL, experiment name: String) {
        directory = root.appendingPathComponent(name, isDirectory: true)
    }

    /// The saved experiment, resolved, that the folder's jobs come from; its presence makes
    /// the folder a results folder.
    package var experimentFile: URL { directory.appendingPathComponent("experiment.yaml") }
    /// What ran, where and when (a sharded run's first shard writes it once).
    package var manifest: URL { directory.appendingPathComponent("manifest.json") }
    /// Each shard's own manifest, `shards/<I>-of-<N>.json`.
    package func shardManifest(index: Int, count: Int) -> URL {
        directory.appendingPathComponent("shards", isDirectory: true).appendingPathComponent("\(index)-of-\(count).json")
    }
    /// The claims, `claims/<job_id>` and `claims/report`.
    package var claims: URL { directory.appendingPathComponent("claims", isDirectory: true) }
    /// The job folders, `jobs/<job_id>/`.
    package var jobs: URL { directory.appendingPathComponent("jobs", isDirectory: true) }
    /// The files of job `id`.
    package func job(_ id: String) -> JobFiles { JobFiles(jobs: jobs, jobId: id) }

    /// The folder of what cluster tasks run, staged at submission (`cluster/runner`,
    /// `cluster/experiment.yaml`); `submit` builds their paths as text for the batch scripts.
    package static let clusterName = "cluster"
    package static let stagedRunnerName = "runner"
    package static let stagedExperimentName = "experiment.yaml"

    /// The SLURM folder's name: `submit slurm` builds its path as text for the batch scripts.
    package static let slurmName = "slurm"
    /// The batch scripts, their output and `submissions.json`.
    package var slurm: URL { directory.appendingPathComponent(Self.slurmName, isDirectory: true) }
    /// The SLURM jobs submitted for the experiment, oldest first.
    package var slurmSubmissions: URL { slurm.appendingPathComponent("submissions.json") }

    /// `experimentFile`, once it is known to be there and a regular file; what every reader of
    /// a folder (`report`, `status`, `evaluate`, `plan --power`) checks first.
    ///
    /// Throws `NotAResultsFolder` when the folder holds no `experiment.yaml`, and
    /// `FileSystemError` when it is not a regular file (a FIFO would stall the loader).
    package func savedExperiment() throws -> URL {
        let file = experimentFile
        guard FileManager.default.fileExists(atPath: file.path) else { throw NotAResultsFolder(path: directory.path) }
        try SafeFiles.checkRegularFile(file)
        return file
    }

    /// The first of each id among `jobs`, in their order: identical configurations share an id
    /// and so one job folder, which is run, counted and read once.
    package static func distinct<S: Sequence>(_ jobs: S, id: (S.Element) -> String) -> [S.Element] {
        var seen = Set<String>()
        return jobs.filter { seen.insert(id($0)).inserted }
    }
}
