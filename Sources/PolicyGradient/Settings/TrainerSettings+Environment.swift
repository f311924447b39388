extension TrainerSettings {
    /// Where the environment comes from.
    public enum EnvironmentSource: Sendable, Equatable {
        /// A registered environment (docs/architecture.md, "Environments"), built by its
        /// descriptor's factory from `params` (absent keys at their defaults).
        case registered(id: String, params: EnvironmentParameters)
        /// A finite MDP built by the caller, observed one-hot.
        case tabular(TabularMDP)
        /// An environment stepped outside this process by a registered backend
        /// (`EnvironmentBackends`).
        case external(ExternalEnvironment)
    }

    /// `environment:` — which environment, how many copies, which time limit.
    public struct Environment: Sendable, Equatable {
        public var source: EnvironmentSource
        /// Copies stepped in lockstep (N).
        public var numEnvs: Int
        /// The time limit H; nil: the registry's (a tabular MDP's horizon).
        public var maxEpisodeSteps: Int?
        /// Observation and reward normalization (SB3's `VecNormalize`); nil: none.
        public var normalize: Normalization?

        public init(source: EnvironmentSource, numEnvs: Int = 1, maxEpisodeSteps: Int? = nil, normalize: Normalization? = nil) {
            self.source = source
            self.numEnvs = numEnvs
            self.maxEpisodeSteps = maxEpisodeSteps
            self.normalize = normalize
        }

        /// A registered environment by id, with `params`.
        public init(
            id: String, params: EnvironmentParameters = [:], numEnvs: Int = 1, maxEpisodeSteps: Int? = nil,
            normalize: Normalization? = nil
        ) {
            self.init(
                source: .registered(id: id, params: params), numEnvs: numEnvs, maxEpisodeSteps: maxEpisodeSteps,
                normalize: normalize)
        }

        /// One copy of the environment, with the time limit applied: through the registry for a
        /// registered id. Throws `EnvironmentError` or `EnvironmentParameterError`, and
        /// `EnvironmentError.notNative` for an external environment, which has no native copy.
        public func makeEnvironment() throws -> any PolicyGradient.Environment {
            switch source {
            case .registered(let id, let params):
                return try EnvironmentRegistry.make(id: id, params: params, maxEpisodeSteps: maxEpisodeSteps)
            case .tabular(let mdp):
                if let maxEpisodeSteps, maxEpisodeSteps <= 0 { throw EnvironmentError.invalidTimeLimit(maxEpisodeSteps) }
                return TabularEnvironment(mdp: mdp, maxEpisodeSteps: maxEpisodeSteps)
            case .external(let external):
                throw EnvironmentError.notNative(external.id, backend: external.backend)
            }
        }
    }
}
