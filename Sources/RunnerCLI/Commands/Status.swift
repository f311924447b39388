import ArgumentParser
import Experiment
import Foundation
import Results
import Sweep

/// `runner status RESULTS_DIR`: what a sweep's results folder says now, read without claiming.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how far an experiment's sweep is: jobs by state, steps done, SLURM jobs.",
        discussion: """
            Counts the jobs completed, running (a live runner holds the claim: its host, pid and \
            heartbeat age), failed, diverged and pending, and the training steps done of the \
            total (results, plus the latest checkpoint of each unfinished job). When \
            slurm/submissions.json exists and squeue is on PATH, one squeue call shows the state \
            of the recorded SLURM jobs; without squeue, or when it fails, a note says so. Reads \
            only: safe while the sweep runs. Exit 64 when the folder is not a results folder.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "An experiment's results folder (results/<experiment>).")
    var directory: String

    @Option(help: "table or json.")
    var format: Format = .table

    func validate() throws {
        if directory.isEmpty { throw ValidationError("the results folder must be named, not empty") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        let status = try ExitStatus.readingResultsFolder { try SweepStatus.read(url) }
        let slurm = Self.queue(url)
        let text = format == .json ? status.json(slurm: slurm) : status.table(slurm: slurm)
        Console.out(String(text.dropLast()))  // Console.out ends the line itself
    }

    /// The state of the experiment's recorded cluster jobs from one query of `backend`; nil
    /// when nothing is recorded, a note when no job is or the queue cannot be asked.
    static func queue(_ experiment: URL, backend: any ClusterBackend = SlurmBackend()) -> ClusterQueueReport? {
        guard let ids = backend.recordedJobIds(experiment: ExperimentFolder(directory: experiment)) else { return nil }
        guard !ids.isEmpty else { return ClusterQueueReport(note: "no \(backend.name) job recorded") }
        return backend.queue(ids)
    }
}
