extension TrainerSettings {
    /// Where the environment comes from.
    public enum EnvironmentSource: Sendable, Equatable {
        /// A classic-control registry id (`CartPole-v1`, `Acrobot-v1`, `MountainCar-v0`, `Pendulum-v1`).
        case classic(id: String)
        /// A finite MDP (`Chain`, `Bandit`, `RandomMDP`, `Tabular`), observed one-hot.
        case tabular(TabularMDP)
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

        /// A classic-control environment by registry id.
        public init(id: String, numEnvs: Int = 1, maxEpisodeSteps: Int? = nil, normalize: Normalization? = nil) {
            self.init(source: .classic(id: id), numEnvs: numEnvs, maxEpisodeSteps: maxEpisodeSteps, normalize: normalize)
        }
    }
}
