import Foundation

/// Finds external tools (`gnuplot`, `git`) the way a shell does: the first executable of
/// that name in a folder of `PATH`.
package enum ExecutableSearch {
    /// The first executable file `name` in the folders of `environment["PATH"]`, or nil.
    /// Without `PATH`, looks in `/usr/local/bin:/usr/bin:/bin`.
    package static func onPath(
        _ name: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
