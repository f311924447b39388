/// A file of the `plots/` folder: a gnuplot script or the data file it reads.
public struct PlotFile: Sendable, Equatable {
    /// Path relative to `plots/`, e.g. `learning_curves.gp` or `data/learning_curves.dat`.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// Whether the file is a script to run (as opposed to data).
    public var isScript: Bool { path.hasSuffix(".gp") }
}
