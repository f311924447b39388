/// What a cluster engine refused or could not do, as the whole message after `error: `
/// (the engine's commands and their own words: "sbatch refused the array (exit 1): ...").
package struct ClusterError: Error, CustomStringConvertible, Equatable {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
