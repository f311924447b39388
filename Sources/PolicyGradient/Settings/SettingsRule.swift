/// One rule that ties settings together: a check that returns the settings at fault.
///
/// The list of rules is `TrainerSettings.rules`; validation reports its violations at their
/// place in the experiment file, and the trainer refuses to build a run that breaks one.
public struct SettingsRule: Sendable {
    /// A short stable name, e.g. `share-trunk-needs-mlp`.
    public let name: String
    private let check: @Sendable (TrainerSettings, EnvironmentTraits) -> [SettingsViolation]

    /// A rule named `name` whose `check` returns, for settings on an environment, the keys at
    /// fault (with an optional sequence index) and the message for each.
    public init(
        _ name: String,
        check: @escaping @Sendable (TrainerSettings, EnvironmentTraits) -> [(keys: [String], index: Int?, message: String)]
    ) {
        self.name = name
        self.check = { settings, environment in
            check(settings, environment).map {
                SettingsViolation(rule: name, keys: $0.keys, index: $0.index, message: $0.message)
            }
        }
    }

    /// The violations of this rule by `settings` on `environment`; empty when it holds.
    public func violations(of settings: TrainerSettings, on environment: EnvironmentTraits) -> [SettingsViolation] {
        check(settings, environment)
    }
}
