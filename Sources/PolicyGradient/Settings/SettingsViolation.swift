/// A setting the trainer cannot run with the others, named by its key path in an experiment
/// file so that validation can point at it and a failed job can name it.
public struct SettingsViolation: Sendable, Equatable, CustomStringConvertible {
    /// The rule broken (`SettingsRule.name`).
    public let rule: String
    /// The keys leading to the offending setting, e.g. `["critic", "share_trunk"]`.
    public let keys: [String]
    /// The position in the sequence at `keys` when one item is at fault (a `compare` entry).
    public let index: Int?
    /// What is wrong, said of the setting (`is smaller than one update ...`) or in full.
    public let message: String

    public init(rule: String, keys: [String], index: Int? = nil, message: String) {
        self.rule = rule
        self.keys = keys
        self.index = index
        self.message = message
    }

    /// `critic.share_trunk`, `diagnostics.gradient_variance.compare[1]`.
    public var keyPath: String {
        keys.joined(separator: ".") + (index.map { "[\($0)]" } ?? "")
    }

    /// `key.path: message`.
    public var description: String { "\(keyPath): \(message)" }
}
