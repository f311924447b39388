/// The state of one cluster job (or of one task of an array) once the engine has been asked.
///
/// States are SLURM's words (PENDING, RUNNING, COMPLETED, FAILED, ...): another engine maps
/// its own onto them, so that `submit --wait` judges every engine alike.
package struct ClusterJobState: Sendable, Equatable {
    /// E.g. PENDING, RUNNING, COMPLETED, FAILED.
    package var state: String
    /// The exit status of the script (for SLURM the part of `ExitCode=S:G` before the colon).
    package var exitStatus: Int32
    /// The signal that ended it (the part after the colon), 0 when none.
    package var signal: Int32

    /// States after which the engine will not run the job again by itself.
    package static let ended: Set<String> = [
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE",
    ]

    package var hasEnded: Bool { Self.ended.contains(state) }
}
