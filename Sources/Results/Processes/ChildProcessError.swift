/// A child process that could not be started or read: its executable and why.
package struct ChildProcessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The executable's path.
    package var executable: String
    package var reason: String

    package init(executable: String, reason: String) {
        self.executable = executable
        self.reason = reason
    }

    package var description: String { "cannot run \(executable): \(reason)" }
}
