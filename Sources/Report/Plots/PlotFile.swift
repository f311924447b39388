/// A file of the `plots/` folder: a gnuplot script or the data file it reads.
package struct PlotFile: Sendable, Equatable {
    /// Path relative to `plots/`, e.g. `learning_curves.gp` or `data/learning_curves.dat`.
    package var path: String
    package var contents: String

    package init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// Whether the file is a script to run (as opposed to data).
    package var isScript: Bool { path.hasSuffix(".gp") }
}
