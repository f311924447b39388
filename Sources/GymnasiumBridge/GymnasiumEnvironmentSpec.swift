/// What a Gymnasium worker builds: `gymnasium.make(id, **keywordArguments)` (with
/// `max_episode_steps=maxEpisodeSteps` when it is set) for each of its copies, after putting `searchPaths` in front of `sys.path` and importing `extraImports` (the
/// packages that register their environments when imported).
package struct GymnasiumEnvironmentSpec: Sendable, Equatable {
    package var id: String
    package var keywordArguments: [String: PythonValue]
    package var extraImports: [String]
    package var searchPaths: [String]
    /// The Python to run; nil: `PythonInterpreter.resolve`'s rule.
    package var interpreter: String?
    /// The time limit in place of the registered one; nil: Gymnasium's.
    package var maxEpisodeSteps: Int?
    /// Whether the workers check that a copy's state can be copied (`GymnasiumHandshake.stateCopy`).
    package var checksStateCopy = false

    package init(
        id: String, keywordArguments: [String: PythonValue] = [:], extraImports: [String] = [],
        searchPaths: [String] = [], interpreter: String? = nil, maxEpisodeSteps: Int? = nil
    ) {
        self.id = id
        self.keywordArguments = keywordArguments
        self.extraImports = extraImports
        self.searchPaths = searchPaths
        self.interpreter = interpreter
        self.maxEpisodeSteps = maxEpisodeSteps
    }

    /// The first line a worker reads.
    func startCommand(copies: Int) -> String {
        PythonValue.dictionary([
            "id": .string(id), "copies": .int(copies), "kwargs": .dictionary(keywordArguments),
            "imports": .list(extraImports.map(PythonValue.string)),
            "search_paths": .list(searchPaths.map(PythonValue.string)),
            "max_episode_steps": maxEpisodeSteps.map(PythonValue.int) ?? .none,
            "check_state_copy": .bool(checksStateCopy),
        ]).json
    }
}
