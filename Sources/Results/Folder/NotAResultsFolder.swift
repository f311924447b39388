/// A folder named as an experiment's results holds no `experiment.yaml`.
public struct NotAResultsFolder: Error, Equatable, CustomStringConvertible {
    /// The folder, as a full path.
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public var description: String { "\(path) holds no experiment.yaml: not a results folder" }
}
