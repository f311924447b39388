/// The state of a sweep's recorded cluster jobs as the engine's queue lists them (for SLURM
/// `squeue -h -j <ids> -o '%i %T'`), or why it is not known.
package struct ClusterQueueReport: Sendable, Equatable {
    /// One queued job or array task: its id (`81234_7`, `81234_[8-15]`) and its state.
    package struct Entry: Sendable, Equatable {
        package var id: String
        package var state: String
    }

    package var entries: [Entry] = []
    /// Why there are no entries, when the queue was not asked or did not answer.
    package var note: String?

    package init(entries: [Entry] = [], note: String? = nil) {
        self.entries = entries
        self.note = note
    }
}
