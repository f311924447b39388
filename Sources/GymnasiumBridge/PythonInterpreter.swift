import Foundation
import Results

/// Which Python runs the Gymnasium workers.
package enum PythonInterpreter {
    /// The interpreter's path: `explicit` when given, else the `RUNNER_PYTHON` environment
    /// variable, else `python3`; a name without a slash is looked up on `PATH`.
    package static func resolve(
        explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(GymnasiumBridgeError) -> String {
        let chosen = [explicit, environment["RUNNER_PYTHON"]].compactMap { $0 }.first { !$0.isEmpty } ?? "python3"
        if chosen.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: chosen) else {
                throw .pythonNotFound("\(chosen) is not an executable file")
            }
            return chosen
        }
        guard let found = ExecutableSearch.onPath(chosen, environment: environment) else {
            throw .pythonNotFound("\(chosen) is not on PATH")
        }
        return found.path
    }
}
