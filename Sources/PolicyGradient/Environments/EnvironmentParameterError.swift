/// A parameter (or the time limit) that an environment's descriptor or factory rejects.
///
/// It names the key under `environment.params` and, for an entry of a list, the entry's
/// indices (outermost first), so a configuration reader can point at the exact YAML node.
public struct EnvironmentParameterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The key under `params`; nil when the time limit, `max_episode_steps`, is at fault.
    public var key: String?
    /// Indices of the offending entry within the key's value; empty for the value itself.
    public var indices: [Int]
    /// What is wrong, in words.
    public var message: String

    public init(key: String?, indices: [Int] = [], message: String) {
        self.key = key
        self.indices = indices
        self.message = message
    }

    /// A tabular builder's error; its field `horizon` stands for `max_episode_steps`.
    public init(_ error: TabularSpecError) {
        self.init(key: error.field == "horizon" ? nil : error.field, indices: error.indices, message: error.message)
    }

    public var description: String {
        let place = (key ?? "max_episode_steps") + indices.map { "[\($0)]" }.joined()
        return "\(place): \(message)"
    }
}
