/// What `runner env list` and `env show` print about one registered environment.
public struct EnvironmentDescriptor: Sendable, Equatable {
    /// The id used in experiment files, e.g. `CartPole-v1`.
    public let id: String
    /// One-line description.
    public let summary: String
    /// Whether the environment is built from a `TabularMDP` (its `params`).
    public let isTabular: Bool
    /// Observation length; `nil` for tabular environments (it is the number of states).
    public let observationSize: Int?
    /// Action space; `nil` for tabular environments (discrete, as many actions as the MDP).
    public let actionSpace: ActionSpace?
    /// Time limit applied unless `max_episode_steps` overrides it (for a tabular id, the
    /// default horizon of its builder); `nil` when an environment has none.
    public let defaultMaxEpisodeSteps: Int?
    /// Names of the internal state variables, in the order `setState` and traces use.
    public let stateVariables: [String]
    /// The `params` the environment takes (empty for the classic-control ones).
    public let parameters: [String]

    public init(
        id: String, summary: String, isTabular: Bool, observationSize: Int?, actionSpace: ActionSpace?,
        defaultMaxEpisodeSteps: Int?, stateVariables: [String], parameters: [String] = []
    ) {
        self.id = id
        self.summary = summary
        self.isTabular = isTabular
        self.observationSize = observationSize
        self.actionSpace = actionSpace
        self.defaultMaxEpisodeSteps = defaultMaxEpisodeSteps
        self.stateVariables = stateVariables
        self.parameters = parameters
    }

    /// The descriptor of a classic-control environment, with its observation size, action
    /// space and time limit read from an instance, so they are stated once (in its type).
    public init<E: Environment>(_ environment: E, id: String, summary: String, stateVariables: [String]) {
        self.init(
            id: id, summary: summary, isTabular: false, observationSize: environment.observationSize,
            actionSpace: environment.actionSpace, defaultMaxEpisodeSteps: environment.defaultMaxEpisodeSteps,
            stateVariables: stateVariables)
    }
}
