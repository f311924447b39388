/// An environment stepped outside this process by a named backend (`environment.backend` in an
/// experiment file), e.g. a Gymnasium environment in Python worker processes
/// (docs/environments.md, "Gymnasium environments").
public struct ExternalEnvironment: Sendable, Hashable {
    /// The backend's name, e.g. `gymnasium`.
    public var backend: String
    /// The backend's id of the environment, e.g. `HalfCheetah-v5`.
    public var id: String
    /// Keyword arguments for the backend's constructor (`gymnasium.make(id, **kwargs)`), as
    /// JSON text with sorted keys: `{}` for none.
    public var keywordArguments: String
    /// Modules imported before the environment is made, so that they register their environments.
    public var imports: [String]
    /// Folders put in front of the backend's module search path (`sys.path`).
    public var searchPaths: [String]
    /// The interpreter to run; nil: the `RUNNER_PYTHON` environment variable, else `python3`.
    public var python: String?
    /// Processes that step the copies (each steps `⌈numEnvs / workers⌉` of them, at most).
    public var workers: Int

    public init(
        backend: String, id: String, keywordArguments: String = "{}", imports: [String] = [],
        searchPaths: [String] = [], python: String? = nil, workers: Int = 1
    ) {
        self.backend = backend
        self.id = id
        self.keywordArguments = keywordArguments
        self.imports = imports
        self.searchPaths = searchPaths
        self.python = python
        self.workers = workers
    }
}
