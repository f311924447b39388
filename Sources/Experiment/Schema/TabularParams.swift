import YAML

/// `Tabular` parameters: a finite MDP written out in the file.
///
/// Shapes: `initial` [S], `transitions` [S][A][S] with rows summing to 1 (within 1e-9),
/// `rewards` [S][A], `terminal` a list of state indices.
public struct TabularParams: Codable, Sendable, Equatable {
    public var states: Int
    public var actions: Int
    public var initial: [Double]
    public var transitions: [[[Double]]]
    public var rewards: [[Double]]
    public var rewardNoise: Double
    public var terminal: [Int]

    /// How far a probability row may sum from 1.
    public static let sumTolerance = 1e-9

    enum CodingKeys: String, CodingKey {
        case states, actions, initial, transitions, rewards, terminal
        case rewardNoise = "reward_noise"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        states = try c.decode(Int.self, forKey: .states)
        try c.require(states >= 1, .states, "must be at least 1")
        actions = try c.decode(Int.self, forKey: .actions)
        try c.require(actions >= 1, .actions, "must be at least 1")

        initial = try c.decode([Double].self, forKey: .initial)
        try Self.checkDistribution(initial, count: states, in: c, key: .initial, at: [])

        transitions = try c.decode([[[Double]]].self, forKey: .transitions)
        try c.require(
            transitions.count == states, .transitions,
            "has \(transitions.count) rows, expected one per state (\(states))")
        for (s, row) in transitions.enumerated() {
            guard row.count == actions else {
                throw c.fail(at: .transitions, [s], "has \(row.count) entries, expected one per action (\(actions))")
            }
            for (a, distribution) in row.enumerated() {
                try Self.checkDistribution(distribution, count: states, in: c, key: .transitions, at: [s, a])
            }
        }

        rewards = try c.decode([[Double]].self, forKey: .rewards)
        try c.require(
            rewards.count == states, .rewards,
            "has \(rewards.count) rows, expected one per state (\(states))")
        for (s, row) in rewards.enumerated() {
            guard row.count == actions else {
                throw c.fail(at: .rewards, [s], "has \(row.count) entries, expected one per action (\(actions))")
            }
            for (a, r) in row.enumerated() where !r.isFinite {
                throw c.fail(at: .rewards, [s, a], "must be finite")
            }
        }

        rewardNoise = try c.value(.rewardNoise, default: 0)
        try c.require(rewardNoise >= 0 && rewardNoise.isFinite, .rewardNoise, "must be a finite number >= 0")

        terminal = try c.value(.terminal, default: [])
        for (i, s) in terminal.enumerated() where !(0..<states).contains(s) {
            throw c.fail(at: .terminal, [i], "state \(s) is out of range 0..<\(states)")
        }
        if Set(terminal).count != terminal.count {
            throw c.fail(at: .terminal, [], "lists a state twice")
        }
        for s in terminal where initial[s] > 0 {
            throw c.fail(at: .initial, [s], "an episode cannot start in terminal state \(s)")
        }
    }

    private static func checkDistribution(
        _ p: [Double], count: Int, in c: KeyedDecodingContainer<CodingKeys>,
        key: CodingKeys, at indices: [Int]
    ) throws {
        guard p.count == count else {
            throw c.fail(at: key, indices, "has \(p.count) entries, expected one per state (\(count))")
        }
        for (i, x) in p.enumerated() where !(x >= 0 && x <= 1) {
            throw c.fail(at: key, indices + [i], "\(x) is not a probability")
        }
        let sum = p.reduce(0, +)
        if abs(sum - 1) > sumTolerance {
            throw c.fail(at: key, indices, "sums to \(sum), not 1")
        }
    }
}
