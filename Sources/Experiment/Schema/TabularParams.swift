import PolicyGradient
import YAML

/// `Tabular` parameters: a finite MDP written out in the file.
///
/// Shapes: `initial` [S], `transitions` [S][A][S] with rows summing to 1 (within
/// `TabularSpec.sumTolerance`), `rewards` [S][A], `terminal` a list of state indices.
public struct TabularParams: Codable, Sendable, Equatable {
    public var states: Int
    public var actions: Int
    public var initial: [Double]
    public var transitions: [[[Double]]]
    public var rewards: [[Double]]
    public var rewardNoise: Double
    public var terminal: [Int]

    enum CodingKeys: String, CodingKey {
        case states, actions, initial, transitions, rewards, terminal
        case rewardNoise = "reward_noise"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        states = try c.decode(Int.self, forKey: .states)
        actions = try c.decode(Int.self, forKey: .actions)
        initial = try c.decode([Double].self, forKey: .initial)
        transitions = try c.decode([[[Double]]].self, forKey: .transitions)
        rewards = try c.decode([[Double]].self, forKey: .rewards)
        let defaults = TabularSpec(
            states: states, actions: actions, initial: initial, transitions: transitions, rewards: rewards)
        rewardNoise = try c.value(.rewardNoise, default: defaults.rewardNoise)
        terminal = try c.value(.terminal, default: defaults.terminal)
        // Shapes, probabilities and terminal states are checked by the MDP builder
        // when the environment settings are complete (EnvironmentSettings.tabularMDP()).
    }
}
