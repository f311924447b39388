import Foundation
import Results

/// `<experiment>/slurm/submissions.json`: every submission of the experiment to SLURM, a JSON
/// list, oldest first. Written by `submit slurm`, read by `status`.
package enum SlurmSubmissionLog {
    /// The recorded submissions; nil when there is no such file or it cannot be read.
    package static func read(_ experiment: ExperimentFolder) -> [ClusterSubmission]? {
        guard let data = try? SafeFiles.contents(of: experiment.slurmSubmissions) else { return nil }
        return try? JSONDecoder().decode([ClusterSubmission].self, from: data)
    }

    /// Appends `submission` (written atomically); a file that cannot be read starts afresh.
    package static func append(_ submission: ClusterSubmission, to experiment: ExperimentFolder) throws {
        let all = (read(experiment) ?? []) + [submission]
        try AtomicFile.write(PrettyJSON.text(all), to: experiment.slurmSubmissions, durable: true)
    }

    /// The SLURM job ids recorded (each submission's array job, then its report job), oldest
    /// first; nil when there is no such file or it cannot be read.
    package static func recordedJobIds(in experiment: URL) -> [String]? {
        read(ExperimentFolder(directory: experiment)).map { $0.flatMap(\.jobIds) }
    }
}
