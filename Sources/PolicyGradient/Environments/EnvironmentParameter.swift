/// One entry of an environment's parameter schema: a key under `environment.params`, its
/// kind, its default, the rule its values follow and what it means.
///
/// The schema is the one place a parameter is spelled: experiment files are read by it
/// (`runner validate` reports a wrong kind or a broken rule at the value's line and column),
/// `runner env show` prints it, and docs/configuration.md's environment table is checked
/// against it.
public struct EnvironmentParameter: Sendable {
    /// The key under `environment.params`, e.g. `small_reward`.
    public let key: String
    /// The kind of value the key takes.
    public let kind: ParameterKind
    /// The value used when the key is absent or null; nil when the key is required.
    public let defaultValue: ParameterValue?
    /// The rule a value must follow beyond its kind; nil when any value of the kind is accepted.
    public let rule: ParameterRule?
    /// What the parameter means, in one line.
    public let doc: String

    /// A parameter; `defaultValue`, when given, must be of `kind`.
    public init(_ key: String, _ kind: ParameterKind, default defaultValue: ParameterValue?, rule: ParameterRule? = nil, doc: String) {
        precondition(defaultValue == nil || defaultValue?.kind == kind, "default of \(key) is not a \(kind)")
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.rule = rule
        self.doc = doc
    }

    /// Whether an experiment file must give the key.
    public var isRequired: Bool { defaultValue == nil }
}

/// The rule an environment parameter's value follows, in words and, where the file reader
/// can check it on the value alone, as a check.
///
/// Rules that involve other parameters or the whole environment (a branching factor up to the
/// number of states, probability rows summing to 1) are checked by the descriptor's factory,
/// which names the parameter in its `EnvironmentParameterError`; their `check` is nil.
public struct ParameterRule: Sendable {
    /// The rule in words, e.g. "in [0, 1]" or "≥ 2 arms".
    public let summary: String
    /// The message for a value that breaks the rule, nil for one that follows it.
    public let check: (@Sendable (ParameterValue) -> String?)?

    public init(_ summary: String, check: (@Sendable (ParameterValue) -> String?)? = nil) {
        self.summary = summary
        self.check = check
    }

    /// A whole number at least `bound`, checked when the file is read.
    public static func atLeast(_ bound: Int) -> ParameterRule {
        ParameterRule("≥ \(bound)") { value in
            guard case .integer(let n) = value, n < bound else { return nil }
            return "must be >= \(bound)"
        }
    }

    /// A real number in `range`, checked when the file is read.
    public static func within(_ range: ClosedRange<Double>) -> ParameterRule {
        ParameterRule("in [\(range.lowerBound), \(range.upperBound)]") { value in
            guard case .real(let x) = value, !range.contains(x) else { return nil }
            return "must be in [\(range.lowerBound), \(range.upperBound)], got \(x)"
        }
    }
}
