/// A folder named as an experiment's results holds no `experiment.yaml`.
package struct NotAResultsFolder: Error, Equatable, CustomStringConvertible {
    /// The folder, as a full path.
    package var path: String

    package init(path: String) {
        self.path = path
    }

    package var description: String { "\(path) holds no experiment.yaml: not a results folder" }
}
