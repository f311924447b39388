/// A gnuplot run that failed: the script, gnuplot's exit status and its error output.
public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public var script: String
    public var status: Int32
    public var message: String

    public init(script: String, status: Int32, message: String) {
        self.script = script
        self.status = status
        self.message = message
    }

    public var description: String {
        "gnuplot \(script) failed (exit \(status))" + (message.isEmpty ? "" : ": \(message)")
    }
}
