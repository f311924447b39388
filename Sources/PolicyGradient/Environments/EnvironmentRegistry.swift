/// The environments the runner knows, by id (docs/architecture.md, "Environments").
///
/// The classic-control environments are built here by `make(id:maxEpisodeSteps:)`;
/// the tabular ones (`Chain`, `Bandit`, `RandomMDP`, `Tabular`) are built from a
/// `TabularMDP` that the caller derives from the experiment's params, through
/// `makeTabular(mdp:maxEpisodeSteps:)`.
public enum EnvironmentRegistry {
    /// Every registered environment, classic-control first.
    public static let all: [EnvironmentDescriptor] = [
        EnvironmentDescriptor(
            CartPole(), id: CartPole.id,
            summary: "Balance a pole on a cart by pushing it left or right (Gymnasium CartPole-v1).",
            stateVariables: ["x", "x_dot", "theta", "theta_dot"]),
        EnvironmentDescriptor(
            Acrobot(), id: Acrobot.id,
            summary: "Swing the tip of a two-link pendulum above the bar (Gymnasium Acrobot-v1).",
            stateVariables: ["theta1", "theta2", "dtheta1", "dtheta2"]),
        EnvironmentDescriptor(
            MountainCar(), id: MountainCar.id,
            summary: "Drive an under-powered car up a hill to the flag (Gymnasium MountainCar-v0).",
            stateVariables: ["position", "velocity"]),
        EnvironmentDescriptor(
            Pendulum(), id: Pendulum.id,
            summary: "Swing a pendulum up and hold it with a bounded torque (Gymnasium Pendulum-v1, g = 10).",
            stateVariables: ["theta", "theta_dot"]),
        EnvironmentDescriptor(
            id: "Chain",
            summary: "Strens' n-chain: move right along a slippery chain for a large final reward.",
            isTabular: true, observationSize: nil, actionSpace: .discrete(2),
            defaultMaxEpisodeSteps: Chain().horizon,
            stateVariables: ["state"], parameters: ["length", "slip", "small_reward", "large_reward"]),
        EnvironmentDescriptor(
            id: "Bandit",
            summary: "A K-armed Gaussian bandit: one-step episodes.",
            isTabular: true, observationSize: nil, actionSpace: nil, defaultMaxEpisodeSteps: Bandit.horizon,
            stateVariables: ["state"], parameters: ["means", "std"]),
        EnvironmentDescriptor(
            id: "RandomMDP",
            summary: "A Garnet random MDP with a fixed branching factor.",
            isTabular: true, observationSize: nil, actionSpace: nil,
            defaultMaxEpisodeSteps: RandomMDP().horizon,
            stateVariables: ["state"], parameters: ["states", "actions", "branching", "structure_seed"]),
        EnvironmentDescriptor(
            id: "Tabular",
            summary: "Any finite MDP written out in the experiment file.",
            isTabular: true, observationSize: nil, actionSpace: nil,
            defaultMaxEpisodeSteps: TabularSpec.defaultHorizon,
            stateVariables: ["state"],
            parameters: ["states", "actions", "initial", "transitions", "rewards", "reward_noise", "terminal"]),
    ]

    /// The registered ids, in listing order.
    public static var ids: [String] { all.map(\.id) }

    /// The descriptor of `id`, or `nil` if it is not registered.
    public static func descriptor(id: String) -> EnvironmentDescriptor? {
        all.first { $0.id == id }
    }

    /// A classic-control environment with the given time limit (Gymnasium's when `nil`).
    ///
    /// Throws `unknownEnvironment` for an unregistered id, `needsTabularMDP` for a tabular
    /// id and `invalidTimeLimit` for a limit below 1. Open the existential in a generic
    /// function (`func train<E: Environment>(_ env: E)`) to step it without dynamic dispatch.
    public static func make(id: String, maxEpisodeSteps: Int? = nil) throws -> any Environment {
        var environment: any Environment
        switch id {
        case CartPole.id: environment = CartPole()
        case Acrobot.id: environment = Acrobot()
        case MountainCar.id: environment = MountainCar()
        case Pendulum.id: environment = Pendulum()
        default:
            if descriptor(id: id)?.isTabular == true { throw EnvironmentError.needsTabularMDP(id) }
            throw EnvironmentError.unknownEnvironment(id)
        }
        if let maxEpisodeSteps {
            guard maxEpisodeSteps > 0 else { throw EnvironmentError.invalidTimeLimit(maxEpisodeSteps) }
            environment.maxEpisodeSteps = maxEpisodeSteps
        }
        return environment
    }

    /// A tabular environment on `mdp`; the time limit defaults to the MDP's horizon.
    public static func makeTabular(mdp: TabularMDP, maxEpisodeSteps: Int? = nil) throws -> TabularEnvironment {
        if let maxEpisodeSteps, maxEpisodeSteps <= 0 { throw EnvironmentError.invalidTimeLimit(maxEpisodeSteps) }
        return TabularEnvironment(mdp: mdp, maxEpisodeSteps: maxEpisodeSteps)
    }
}
