/// What a job's folder holds, as `JobFiles.readBack()` finds it.
package enum JobFolderReading: Sendable {
    /// No `result.json`: the job has not finished (or was never started).
    case unfinished
    /// A `result.json` that reads, whose files and figures check out.
    case finished(FinishedJob)
    /// A `result.json` or a file it vouches for that cannot be believed, with the reason
    /// (`result.json: cannot decode: not valid JSON`, `curve.csv has 3 lines …`).
    case damaged(String)
}
