/// A child process that could not be started or read: its executable and why.
public struct ChildProcessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The executable's path.
    public var executable: String
    public var reason: String

    public init(executable: String, reason: String) {
        self.executable = executable
        self.reason = reason
    }

    public var description: String { "cannot run \(executable): \(reason)" }
}
