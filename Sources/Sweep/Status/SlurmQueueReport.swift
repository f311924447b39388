import Foundation
import Results

/// The state of a sweep's recorded SLURM jobs, as `squeue -h -j <ids> -o '%i %T'` prints it,
/// or why it is not known.
public struct SlurmQueueReport: Sendable, Equatable {
    /// One line of squeue: a job or array task id (`81234_7`, `81234_[8-15]`) and its state.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var state: String
    }

    public var entries: [Entry] = []
    /// Why there are no entries, when squeue was not asked or did not answer.
    public var note: String?

    public init(entries: [Entry] = [], note: String? = nil) {
        self.entries = entries
        self.note = note
    }

    /// The SLURM job ids recorded in `<experiment>/slurm/submissions.json` (each submission's
    /// array job, then its report job), oldest first; nil when there is no such file or it
    /// cannot be read.
    public static func recordedJobIds(in experiment: URL) -> [String]? {
        let file = ExperimentFolder(directory: experiment).slurmSubmissions
        guard let data = try? SafeFiles.contents(of: file),
            let submissions = try? JSONDecoder().decode([SlurmSubmission].self, from: data)
        else { return nil }
        return submissions.flatMap { [$0.arrayJobId] + ($0.reportJobId.map { [$0] } ?? []) }
    }

    /// The arguments of the one squeue call that asks for `ids`.
    public static func squeueArguments(_ ids: [String]) -> [String] {
        ["-h", "-j", ids.joined(separator: ","), "-o", "%i %T"]
    }

    /// Reads squeue's output: one `ID STATE` per line; other lines are ignored. Jobs that
    /// have left the queue are not listed, which the note says when none is.
    public static func parse(_ text: String) -> SlurmQueueReport {
        let entries = text.split(separator: "\n").compactMap { line -> Entry? in
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            return words.count == 2 ? Entry(id: String(words[0]), state: String(words[1])) : nil
        }
        return SlurmQueueReport(entries: entries, note: entries.isEmpty ? "no recorded SLURM job is queued or running" : nil)
    }
}
