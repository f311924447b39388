/// A gnuplot run that failed: the script, gnuplot's exit status and its error output.
package struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    package var script: String
    package var status: Int32
    package var message: String

    package init(script: String, status: Int32, message: String) {
        self.script = script
        self.status = status
        self.message = message
    }

    package var description: String {
        "gnuplot \(script) failed (exit \(status))" + (message.isEmpty ? "" : ": \(message)")
    }
}
