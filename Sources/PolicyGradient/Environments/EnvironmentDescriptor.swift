/// Everything the runner knows of one environment: what `runner env list` and `env show`
/// print, the schema of its `params` and the factory that builds it (docs/architecture.md,
/// "Environments").
public struct EnvironmentDescriptor: Sendable {
    /// Builds the environment from resolved params (every key of the schema present, of its
    /// kind) and the time limit (nil: the environment's default). Throws
    /// `EnvironmentParameterError` naming the parameter at fault, or any error of its own.
    public typealias Factory = @Sendable (_ params: EnvironmentParameters, _ maxEpisodeSteps: Int?) throws
        -> any Environment

    /// The id used in experiment files, e.g. `CartPole-v1`.
    public let id: String
    /// One-line description.
    public let summary: String
    /// Whether the environment is a finite MDP built from its params (a `TabularEnvironment`),
    /// observed one-hot, where a `tabular` policy applies and the exact gradient exists.
    public let isTabular: Bool
    /// Observation length; nil when the params decide it (a tabular MDP's number of states).
    public let observationSize: Int?
    /// Action space; nil when the params decide it (as many discrete actions as the MDP).
    public let actionSpace: ActionSpace?
    /// Time limit applied unless `max_episode_steps` overrides it (for a tabular id, the
    /// default horizon of its builder); nil when an environment has none.
    public let defaultMaxEpisodeSteps: Int?
    /// Names of the internal state variables, in the order `setState` and traces use.
    public let stateVariables: [String]
    /// The schema of `params`, in the order files and docs list the keys.
    public let parameters: [EnvironmentParameter]
    /// Builds the environment; see `Factory`.
    public let factory: Factory
    /// Checks resolved params and the time limit as the factory would, without building the
    /// environment (for one that is costly to start, such as one stepped in another process);
    /// nil: `validate` builds it with the factory and discards it.
    public let check: (@Sendable (_ params: EnvironmentParameters, _ maxEpisodeSteps: Int?) throws -> Void)?

    public init(
        id: String, summary: String, isTabular: Bool = false, observationSize: Int?, actionSpace: ActionSpace?,
        defaultMaxEpisodeSteps: Int?, stateVariables: [String], parameters: [EnvironmentParameter] = [],
        check: (@Sendable (_ params: EnvironmentParameters, _ maxEpisodeSteps: Int?) throws -> Void)? = nil,
        factory: @escaping Factory
    ) {
        self.id = id
        self.summary = summary
        self.isTabular = isTabular
        self.observationSize = observationSize
        self.actionSpace = actionSpace
        self.defaultMaxEpisodeSteps = defaultMaxEpisodeSteps
        self.stateVariables = stateVariables
        self.parameters = parameters
        self.check = check
        self.factory = factory
    }

    /// The descriptor of an environment without parameters, with its observation size, action
    /// space and time limit read from a default instance, so they are stated once (in its type).
    public init<E: Environment>(
        id: String, summary: String, stateVariables: [String], factory: @escaping @Sendable () -> E
    ) {
        let environment = factory()
        self.init(
            id: id, summary: summary, observationSize: environment.observationSize,
            actionSpace: environment.actionSpace, defaultMaxEpisodeSteps: environment.defaultMaxEpisodeSteps,
            stateVariables: stateVariables
        ) { _, maxEpisodeSteps in
            var environment = factory()
            if let maxEpisodeSteps { environment.maxEpisodeSteps = maxEpisodeSteps }
            return environment
        }
    }

    /// Whether actions are real vectors (a Gaussian policy) rather than integers.
    public var hasContinuousActions: Bool {
        if case .continuous? = actionSpace { return true }
        return false
    }

    /// The schema entry of `key`, or nil.
    public func parameter(_ key: String) -> EnvironmentParameter? {
        parameters.first { $0.key == key }
    }

    /// `params` with every absent key at its default, after checking that each given key is in
    /// the schema, of its kind and within its rule. Throws `EnvironmentParameterError`.
    public func resolve(_ params: EnvironmentParameters) throws -> EnvironmentParameters {
        if let unknown = params.values.keys.sorted().first(where: { parameter($0) == nil }) {
            throw EnvironmentParameterError(key: unknown, message: "\(id) has no parameter '\(unknown)'")
        }
        var resolved = EnvironmentParameters()
        for parameter in parameters {
            guard let value = params[parameter.key] ?? parameter.defaultValue else {
                throw EnvironmentParameterError(key: parameter.key, message: "\(id) needs '\(parameter.key)'")
            }
            guard value.kind == parameter.kind else {
                throw EnvironmentParameterError(
                    key: parameter.key, message: "expected a \(parameter.kind), found a \(value.kind)")
            }
            if let message = parameter.rule?.check?(value) {
                throw EnvironmentParameterError(key: parameter.key, message: message)
            }
            resolved[parameter.key] = value
        }
        return resolved
    }

    /// Throws what `make` would throw for `params` and the time limit: the experiment reader's
    /// check that a job can be built, run before any job starts.
    public func validate(_ params: EnvironmentParameters, _ maxEpisodeSteps: Int?) throws {
        guard let check else {
            _ = try make(params: params, maxEpisodeSteps: maxEpisodeSteps)
            return
        }
        if let maxEpisodeSteps, maxEpisodeSteps <= 0 { throw EnvironmentError.invalidTimeLimit(maxEpisodeSteps) }
        try check(try resolve(params), maxEpisodeSteps)
    }

    /// The environment with `params` (absent keys at their defaults) and the time limit
    /// (nil: the environment's default). Open the existential in a generic function
    /// (`func train<E: Environment>(_ env: E)`) to step it without dynamic dispatch.
    ///
    /// Throws `EnvironmentError.invalidTimeLimit` for a limit below 1,
    /// `EnvironmentParameterError` for params the schema or the factory rejects.
    public func make(params: EnvironmentParameters = [:], maxEpisodeSteps: Int? = nil) throws -> any Environment {
        if let maxEpisodeSteps, maxEpisodeSteps <= 0 { throw EnvironmentError.invalidTimeLimit(maxEpisodeSteps) }
        return try factory(try resolve(params), maxEpisodeSteps)
    }
}
