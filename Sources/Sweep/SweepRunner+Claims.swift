import Foundation
import Results

/// What became of a job this run took from the queue.
enum JobOutcome: Sendable {
    /// This run trained it.
    case ran(JobResult)
    /// Another runner finished it between this run's first look and its claim.
    case finishedElsewhere(JobResult)
    /// A live runner holds its claim (its record, nil while being written): left to it.
    case claimedElsewhere(ClaimRecord?)
}

/// The claims of a running sweep: where they live and the heartbeat that keeps them fresh.
struct Claims: Sendable {
    let folder: ClaimFolder
    let heartbeat: ClaimHeartbeat
}

extension ClaimFolder: @unchecked Sendable {}

/// The claim protocol of a sweep (docs/robustness.md, "Claims").
extension SweepRunner {
    /// Claims the job at `position` and runs it; a job claimed by a live runner is left to it
    /// for now (the queue brings it back for another look), one finished meanwhile is kept.
    /// The claim is released once `result.json` is written.
    func claimAndRun(
        _ position: Int, predecessor: Predecessor?, folder experiment: ExperimentFolder, board: ProgressBoard, claims: Claims
    ) -> JobOutcome {
        let job = plan.jobs[position]
        let claim: Claim
        do {
            switch try claims.folder.acquire(job.id) {
            case .held(let record): return .claimedElsewhere(record)
            case .acquired(let acquired): claim = acquired
            }
        } catch {
            board.jobStarted(position)
            let result = JobResult(status: .failed, finalReturn: nil, error: Self.message(error), steps: 0, seconds: 0)
            board.jobFinished(position, job: (job.id, plan.cells[job.cellIndex].label, job.seed), result: result)
            return .ran(result)
        }
        claims.heartbeat.add(claim)
        defer {
            claims.heartbeat.remove(claim)
            claim.release()
        }
        if !options.force, let result = experiment.job(job.id).finishedResult(configText: job.configText) {
            return .finishedElsewhere(result)
        }
        return .ran(runJob(position, predecessor: predecessor, folder: experiment, board: board))
    }

    /// Runs `body` holding the report claim of the results folder `directory`, after removing
    /// the temporaries that dead writers left outside the folders of claimed jobs.
    ///
    /// Throws `SweepError.locked` when a live runner holds the report claim, and, unless
    /// `partial`, `SweepError.jobsClaimed` when live runners still hold job claims (a report
    /// then would leave their jobs out).
    package static func withReportClaim<T>(
        on directory: URL, policy: ClaimPolicy = ClaimPolicy(), partial: Bool = false, _ body: () throws -> T
    ) throws -> T {
        // The folder named may itself be a link (the user's choice); nothing inside it is followed.
        let real = directory.resolvingSymlinksInPath()
        let claims = ClaimFolder(experiment: real, policy: policy)
        try claims.prepare()
        let display = displayPath(directory)
        let claim: Claim
        switch try claims.acquire("report") {
        case .held(let record): throw SweepError.locked(directory: display, owner: record?.owner)
        case .acquired(let acquired): claim = acquired
        }
        defer { claim.release() }
        let heartbeat = try ClaimHeartbeat(policy: policy)
        heartbeat.add(claim)
        defer { heartbeat.stop() }
        let running = try claims.live(except: ["report"])
        if !partial, !running.isEmpty {
            throw SweepError.jobsClaimed(directory: display, count: running.count, owner: running.first?.record?.owner)
        }
        let busy = Set(running.map(\.name))
        let jobs = ExperimentFolder(directory: real).jobs.path
        try SweepError.mappingFileErrors {
            try SafeFiles.removeStaleTemporaries(in: real) { folder in
                folder.deletingLastPathComponent().path == jobs && busy.contains(folder.lastPathComponent)
            }
        }
        return try body()
    }
}
