extension EnvironmentRegistry {
    /// The environments implemented here: classic control (Gymnasium's), then the finite MDPs.
    /// A new one is its type plus one descriptor in this list (docs/architecture.md, "How to add
    /// an environment").
    static let builtIn: [EnvironmentDescriptor] = [
        EnvironmentDescriptor(
            id: CartPole.id,
            summary: "Balance a pole on a cart by pushing it left or right (Gymnasium CartPole-v1).",
            stateVariables: ["x", "x_dot", "theta", "theta_dot"], factory: { CartPole() }),
        EnvironmentDescriptor(
            id: Acrobot.id,
            summary: "Swing the tip of a two-link pendulum above the bar (Gymnasium Acrobot-v1).",
            stateVariables: ["theta1", "theta2", "dtheta1", "dtheta2"], factory: { Acrobot() }),
        EnvironmentDescriptor(
            id: MountainCar.id,
            summary: "Drive an under-powered car up a hill to the flag (Gymnasium MountainCar-v0).",
            stateVariables: ["position", "velocity"], factory: { MountainCar() }),
        EnvironmentDescriptor(
            id: Pendulum.id,
            summary: "Swing a pendulum up and hold it with a bounded torque (Gymnasium Pendulum-v1, g = 10).",
            stateVariables: ["theta", "theta_dot"], factory: { Pendulum() }),
        chain, bandit, randomMDP, tabular,
    ]

    private static let chain = tabularDescriptor(
        id: "Chain", summary: "Strens' n-chain: move right along a slippery chain for a large final reward.",
        actionSpace: .discrete(2), defaultHorizon: Chain().horizon,
        parameters: [
            EnvironmentParameter(
                "length", .integer, default: .integer(Chain().length), rule: ParameterRule("≥ 1"),
                doc: "number of states"),
            EnvironmentParameter(
                "slip", .real, default: .real(Chain().slip), rule: ParameterRule("in [0, 1]"),
                doc: "probability that the other action's effect happens"),
            EnvironmentParameter(
                "small_reward", .real, default: .real(Chain().smallReward), doc: "reward of moving back to state 0"),
            EnvironmentParameter(
                "large_reward", .real, default: .real(Chain().largeReward),
                doc: "reward of moving forward at the last state"),
        ]
    ) { params, horizon in
        try Chain(
            length: try params.integer("length"), slip: try params.real("slip"),
            smallReward: try params.real("small_reward"), largeReward: try params.real("large_reward"),
            horizon: horizon
        ).mdp()
    }

    private static let bandit = tabularDescriptor(
        id: "Bandit", summary: "A K-armed Gaussian bandit: one-step episodes.", defaultHorizon: Bandit.horizon,
        parameters: [
            EnvironmentParameter(
                "means", .reals, default: nil,
                rule: ParameterRule("≥ 2 arms") { value in
                    guard case .reals(let means) = value, means.count < 2 else { return nil }
                    return "needs at least 2 arms, found \(means.count)"
                },
                doc: "mean reward of each arm"),
            EnvironmentParameter(
                "std", .real, default: .real(Bandit(means: []).std), rule: ParameterRule("≥ 0"),
                doc: "standard deviation of the Gaussian reward noise"),
        ]
    ) { params, _ in
        // One decision per episode whatever the time limit (`Bandit.horizon`).
        try Bandit(means: try params.reals("means"), std: try params.real("std")).mdp()
    }

    private static let randomMDP = tabularDescriptor(
        id: "RandomMDP", summary: "A Garnet random MDP with a fixed branching factor.",
        defaultHorizon: RandomMDP().horizon,
        parameters: [
            EnvironmentParameter(
                "states", .integer, default: .integer(RandomMDP().states), rule: ParameterRule("≥ 1"),
                doc: "number of states"),
            EnvironmentParameter(
                "actions", .integer, default: .integer(RandomMDP().actions), rule: ParameterRule("≥ 1"),
                doc: "number of actions"),
            EnvironmentParameter(
                "branching", .integer, default: .integer(RandomMDP().branching), rule: ParameterRule("in 1..states"),
                doc: "next states reachable from each state and action"),
            EnvironmentParameter(
                "structure_seed", .integer, default: .integer(Int(RandomMDP().structureSeed)), rule: .atLeast(0),
                doc: "seed of the MDP's random structure (independent of the job's seed)"),
        ]
    ) { params, horizon in
        try RandomMDP(
            states: try params.integer("states"), actions: try params.integer("actions"),
            branching: try params.integer("branching"),
            structureSeed: UInt64(try params.integer("structure_seed")), horizon: horizon
        ).mdp()
    }

    private static let tabular = tabularDescriptor(
        id: "Tabular", summary: "Any finite MDP written out in the experiment file.",
        defaultHorizon: TabularSpec.defaultHorizon,
        parameters: [
            EnvironmentParameter("states", .integer, default: nil, rule: ParameterRule("≥ 1"), doc: "S, the number of states"),
            EnvironmentParameter("actions", .integer, default: nil, rule: ParameterRule("≥ 1"), doc: "A, the number of actions"),
            EnvironmentParameter(
                "initial", .reals, default: nil, rule: ParameterRule("[S], sums to 1"),
                doc: "distribution of the first state"),
            EnvironmentParameter(
                "transitions", .realTables, default: nil, rule: ParameterRule("[S][A][S], rows sum to 1"),
                doc: "P(s' | s, a)"),
            EnvironmentParameter(
                "rewards", .realRows, default: nil, rule: ParameterRule("[S][A]"),
                doc: "mean reward r(s, a) of acting in s"),
            EnvironmentParameter(
                "terminal", .integers, default: .integers([]), rule: ParameterRule("states in 0..<S, none initial"),
                doc: "states whose entry ends the episode"),
            EnvironmentParameter(
                "reward_noise", .real, default: .real(0), rule: ParameterRule("≥ 0"),
                doc: "standard deviation of the Gaussian noise added to each reward"),
        ]
    ) { params, horizon in
        try TabularSpec(
            states: try params.integer("states"), actions: try params.integer("actions"),
            initial: try params.reals("initial"), transitions: try params.realTables("transitions"),
            rewards: try params.realRows("rewards"), rewardNoise: try params.real("reward_noise"),
            terminal: try params.integers("terminal"), horizon: horizon
        ).build()
    }

    /// The descriptor of a finite MDP observed one-hot (its states decide the observation size;
    /// the state variable is the state index), whose `mdp` is built from resolved params and the
    /// horizon H (`max_episode_steps`, else `defaultHorizon`). The environment's time limit
    /// defaults to the MDP's horizon; the builder's errors become `EnvironmentParameterError`s.
    private static func tabularDescriptor(
        id: String, summary: String, actionSpace: ActionSpace? = nil, defaultHorizon: Int,
        parameters: [EnvironmentParameter],
        mdp: @escaping @Sendable (_ params: EnvironmentParameters, _ horizon: Int) throws -> TabularMDP
    ) -> EnvironmentDescriptor {
        EnvironmentDescriptor(
            id: id, summary: summary, isTabular: true, observationSize: nil, actionSpace: actionSpace,
            defaultMaxEpisodeSteps: defaultHorizon, stateVariables: ["state"], parameters: parameters
        ) { params, maxEpisodeSteps in
            do {
                return TabularEnvironment(
                    mdp: try mdp(params, maxEpisodeSteps ?? defaultHorizon), maxEpisodeSteps: maxEpisodeSteps)
            } catch let error as TabularSpecError {
                throw EnvironmentParameterError(error)
            }
        }
    }
}
