import PolicyGradient
import YAML

/// The `environment` section: which environment, how many copies, and its parameters; for an
/// environment stepped by a backend in other processes (`backend: gymnasium`), what that
/// backend needs (docs/environments.md, "Gymnasium environments").
public struct EnvironmentSettings: Codable, Sendable, Equatable {
    /// A registry id (docs/architecture.md, "Environments"), or the backend's id.
    public var id: EnvironmentID
    /// Copies stepped in lockstep.
    public var numEnvs: Int
    /// The episode time limit H; the registry's (or the backend's) default unless overridden.
    public var maxEpisodeSteps: Int
    /// Environment-specific parameters, every key of the descriptor's schema (defaults filled in).
    public var params: EnvironmentParameters
    /// Observation and reward normalization; nil: none.
    public var normalize: NormalizationSettings?
    /// The backend that steps the environment in other processes; nil: a native environment.
    public var backend: String?
    /// The backend's interpreter; nil: `RUNNER_PYTHON`, else `python3` on the PATH.
    public var python: String?
    /// Keyword arguments of `gymnasium.make`.
    public var kwargs: KeywordArguments?
    /// Modules imported first, so that they register their environments.
    public var imports: [String]?
    /// Folders put in front of Python's module search path (relative ones: to the folder the
    /// runner runs in).
    public var pythonPath: [String]?
    /// Worker processes stepping the copies; nil: 1.
    public var workers: Int?

    enum CodingKeys: String, CodingKey {
        case id
        case numEnvs = "num_envs"
        case maxEpisodeSteps = "max_episode_steps"
        case params, normalize, backend, python, kwargs, imports
        case pythonPath = "python_path"
        case workers
    }

    /// The keys only an environment stepped by a backend takes.
    static let backendKeys: [CodingKeys] = [.python, .kwargs, .imports, .pythonPath, .workers]

    /// The environment as its backend takes it; nil for a native environment.
    public var external: ExternalEnvironment? {
        guard let backend else { return nil }
        return ExternalEnvironment(
            backend: backend, id: id.rawValue, keywordArguments: kwargs?.json ?? "{}", imports: imports ?? [],
            searchPaths: pythonPath ?? [], python: python, workers: workers ?? 1)
    }

    /// The software that steps an environment in another process, by name (`python`,
    /// `gymnasium`, `numpy`, the environment's package, ...); nil for a native environment, or
    /// when the backend cannot be reached.
    public var softwareVersions: [String: String]? {
        external.flatMap { try? EnvironmentBackends.open($0, maxEpisodeSteps: maxEpisodeSteps).versions }
    }

    /// Where the trainer gets the environment: the registry's id with its params, or the backend.
    public var source: TrainerSettings.EnvironmentSource {
        if let external { return .external(external) }
        return .registered(id: id.rawValue, params: params)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        backend = try c.decodeIfPresent(String.self, forKey: .backend)
        if let backend {
            python = try c.decodeIfPresent(String.self, forKey: .python)
            kwargs = try c.decodeIfPresent(KeywordArguments.self, forKey: .kwargs)
            imports = try c.decodeIfPresent([String].self, forKey: .imports)
            pythonPath = try c.decodeIfPresent([String].self, forKey: .pythonPath)
            workers = try c.decodeIfPresent(Int.self, forKey: .workers)
            try c.require((1...1024).contains(workers ?? 1), .workers, "must be in 1...1024")
            let id = try c.decode(String.self, forKey: .id)
            self.id = try Self.openExternal(ExternalEnvironment(
                backend: backend, id: id, keywordArguments: kwargs?.json ?? "{}", imports: imports ?? [],
                searchPaths: pythonPath ?? [], python: python, workers: workers ?? 1), in: c)
        } else {
            for key in Self.backendKeys where c.contains(key) {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: c.codingPath + [key],
                    debugDescription: "'\(key.rawValue)' applies to an environment stepped by a backend: add 'backend: gymnasium'"))
            }
            id = try c.decode(EnvironmentID.self, forKey: .id)
        }
        numEnvs = try c.value(.numEnvs, default: TrainerSettings.Environment(id: id.rawValue).numEnvs)
        try c.require((1...65_536).contains(numEnvs), .numEnvs, "must be in 1...65536")
        if let limit = id.defaultMaxEpisodeSteps {
            maxEpisodeSteps = try c.value(.maxEpisodeSteps, default: limit)
        } else {
            maxEpisodeSteps = try c.decode(Int.self, forKey: .maxEpisodeSteps)
        }
        try c.require(maxEpisodeSteps >= 1, .maxEpisodeSteps, "must be at least 1")
        params = try EnvironmentParameters.decode(for: id.descriptor, from: c, key: .params)
        normalize = try NormalizationSettings.decode(from: c, key: .normalize)
        guard backend == nil else { return }
        do {
            try id.descriptor.validate(params, maxEpisodeSteps)
        } catch let error as EnvironmentParameterError {
            // The descriptor names the parameter and the entry; point at that node.
            var path: [any CodingKey] = [CodingKeys.maxEpisodeSteps]
            if let key = error.key {
                path = [CodingKeys.params, StringKey(key)] + error.indices.map { IndexKey($0) as any CodingKey }
            }
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + path, debugDescription: error.message))
        }
    }

    /// Opens the environment through `backend` (which starts it once to learn its spaces) and
    /// describes it; a failure points at the key it is about.
    private static func openExternal(_ external: ExternalEnvironment, in c: KeyedDecodingContainer<CodingKeys>) throws
        -> EnvironmentID
    {
        let id = external.id, backend = external.backend
        let factory: any BatchedEnvironmentFactory
        do {
            factory = try EnvironmentBackends.open(external, maxEpisodeSteps: nil)
        } catch let error as EnvironmentBackendError {
            let key = CodingKeys(rawValue: error.key) ?? .id
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [key], debugDescription: error.message))
        }
        return EnvironmentID(external: EnvironmentDescriptor(
            id: id, summary: "\(id) through the \(backend) backend", observationSize: factory.observationSize,
            actionSpace: factory.actionSpace, defaultMaxEpisodeSteps: factory.defaultMaxEpisodeSteps,
            stateVariables: []
        ) { _, _ in throw EnvironmentError.notNative(id, backend: backend) }, canCopyStates: factory.canCopyStates)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(numEnvs, forKey: .numEnvs)
        try c.encode(maxEpisodeSteps, forKey: .maxEpisodeSteps)
        try params.encode(for: id.descriptor, to: c.superEncoder(forKey: .params))
        // Written only when on, so that jobs without it keep their ids.
        try c.encodeIfPresent(normalize, forKey: .normalize)
        try c.encodeIfPresent(backend, forKey: .backend)
        try c.encodeIfPresent(python, forKey: .python)
        try c.encodeIfPresent(kwargs, forKey: .kwargs)
        try c.encodeIfPresent(imports, forKey: .imports)
        try c.encodeIfPresent(pythonPath, forKey: .pythonPath)
        try c.encodeIfPresent(workers, forKey: .workers)
    }
}
