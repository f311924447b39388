import YAML

/// The environments of the registry (DESIGN section 4), as named in experiment files.
public enum EnvironmentID: String, YAMLEnum {
    case cartPole = "CartPole-v1"
    case acrobot = "Acrobot-v1"
    case mountainCar = "MountainCar-v0"
    case pendulum = "Pendulum-v1"
    case chain = "Chain"
    case bandit = "Bandit"
    case randomMDP = "RandomMDP"
    case tabular = "Tabular"

    /// Whether actions are continuous (a Gaussian policy) rather than discrete.
    public var hasContinuousActions: Bool { self == .pendulum }

    /// Whether the environment is a finite MDP observed as a one-hot state,
    /// so a `tabular` policy applies and the exact gradient can be computed.
    public var isTabular: Bool {
        switch self {
        case .chain, .bandit, .randomMDP, .tabular: return true
        case .cartPole, .acrobot, .mountainCar, .pendulum: return false
        }
    }

    /// The time limit used when `max_episode_steps` is not given.
    public var defaultMaxEpisodeSteps: Int {
        switch self {
        case .cartPole, .acrobot: return 500
        case .mountainCar, .pendulum: return 200
        case .chain: return 20
        case .bandit: return 1
        case .randomMDP: return 50
        case .tabular: return 100
        }
    }
}
