import PolicyGradient

/// What the results folder holds for one planned job.
package struct JobRecord: Sendable {
    package var id: String
    package var cellIndex: Int
    package var seed: Int
    /// How the job ended; nil when it has not finished (no readable `result.json`): `missing`.
    package var status: JobStatus?
    /// The final return; NaN unless the job completed with a finite value.
    package var finalReturn: Double
    /// Environment steps taken; nil when missing.
    package var steps: Int?
    package var curve: [CurveRow]
    package var variance: [VarianceRow]
    /// Why the job's files do not match its `result.json`; such a job counts as missing.
    package var damage: String?
    /// The job's `result.json` records no checksums (an earlier version wrote it), so its files
    /// and figures are read as they stand.
    package var unverified = false

    package init(
        id: String, cellIndex: Int, seed: Int, status: JobStatus?, finalReturn: Double, steps: Int?,
        curve: [CurveRow] = [], variance: [VarianceRow] = []
    ) {
        self.id = id
        self.cellIndex = cellIndex
        self.seed = seed
        self.status = status
        self.finalReturn = finalReturn
        self.steps = steps
        self.curve = curve
        self.variance = variance
    }

    /// The status as written in `jobs.csv`: a `JobStatus` raw value, `damaged` or `missing`.
    package var statusLabel: String { status?.rawValue ?? (damage == nil ? "missing" : "damaged") }

    /// Whether the job counts in the per-cell statistics (completed with a finite final return).
    package var counts: Bool { status == .completed && finalReturn.isFinite }
}
