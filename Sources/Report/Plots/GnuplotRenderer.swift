import Foundation
import Results

/// Runs report scripts through the `gnuplot` executable to produce images.
package struct GnuplotRenderer: Sendable {
    /// The gnuplot executable.
    package var executable: URL

    package init(executable: URL) {
        self.executable = executable
    }

    /// A renderer for the first `gnuplot` on `PATH`, or nil when there is none.
    package static func onPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> GnuplotRenderer? {
        ExecutableSearch.onPath("gnuplot", environment: environment).map(GnuplotRenderer.init(executable:))
    }

    /// Renders `plots/<name>.gp` to `plots/<name>.<format>`.
    ///
    /// gnuplot runs in the script's folder and writes to a hidden temporary name, renamed
    /// into place only when it exits 0 with a non-empty image (so a failed render never
    /// leaves a torn image). Returns the image's URL, or throws `RenderError` with gnuplot's
    /// message (its status is a shell's: 128 + N when signal N killed gnuplot), or
    /// `ChildProcessError` when gnuplot cannot be started. Blocks its thread while gnuplot runs
    /// (`ChildProcess.run()`).
    @discardableResult
    package func render(script: URL, format: RenderFormat) throws -> URL {
        let folder = script.deletingLastPathComponent()
        let name = script.deletingPathExtension().lastPathComponent
        let image = folder.appendingPathComponent("\(name).\(format.rawValue)")
        let temporary = AtomicFile.temporaryURL(for: image)
        let gnuplot = ChildProcess(
            executable: executable,
            // Our own fixed names only: the format is an enum, the file name ours.
            arguments: [
                "-e", "fmt = '\(format.rawValue)'; outfile = '\(temporary.lastPathComponent)'",
                script.lastPathComponent,
            ],
            workingDirectory: folder)
        let outcome = try gnuplot.run()
        let size = (try? FileManager.default.attributesOfItem(atPath: temporary.path)[.size] as? Int) ?? 0
        guard outcome.succeeded, size > 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw RenderError(
                script: script.lastPathComponent, status: outcome.status,
                message: outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try AtomicFile.replace(image, with: temporary)
        return image
    }
}
