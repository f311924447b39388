import PolicyGradient
import YAML

/// The environments of the registry (docs/architecture.md, "Environments"), as named in experiment files.
public enum EnvironmentID: String, YAMLEnum {
    case cartPole = "CartPole-v1"
    case acrobot = "Acrobot-v1"
    case mountainCar = "MountainCar-v0"
    case pendulum = "Pendulum-v1"
    case chain = "Chain"
    case bandit = "Bandit"
    case randomMDP = "RandomMDP"
    case tabular = "Tabular"

    /// The environment's entry in the core's registry.
    public var descriptor: EnvironmentDescriptor {
        EnvironmentRegistry.descriptor(id: rawValue)!
    }

    /// Whether actions are continuous (a Gaussian policy) rather than discrete.
    public var hasContinuousActions: Bool {
        if case .continuous? = descriptor.actionSpace { return true }
        return false
    }

    /// Whether the environment is a finite MDP observed as a one-hot state,
    /// so a `tabular` policy applies and the exact gradient can be computed.
    public var isTabular: Bool { descriptor.isTabular }

    /// The time limit used when `max_episode_steps` is not given: Gymnasium's for the
    /// classic-control environments, the default horizon H for the tabular ones.
    public var defaultMaxEpisodeSteps: Int { descriptor.defaultMaxEpisodeSteps! }
}
