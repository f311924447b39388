/// An error found while validating a tabular environment's description.
///
/// Each case names the offending parameter (`field`, the key under `params:`) and,
/// where it applies, the indices of the offending entry (`indices`, outermost first),
/// so a configuration reader can point at the exact YAML node; `message` says what is
/// wrong in words, e.g. "transitions[1][0] sums to 0.9, not 1".
///
/// Field names are the configuration keys (`small_reward`, `reward_noise`, …), except
/// `horizon`, which stands for the environment's `max_episode_steps`.
public enum TabularSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A scalar parameter out of its domain, e.g. a slip outside [0, 1].
    case invalidParameter(field: String, message: String)
    /// A list with the wrong number of entries.
    case wrongCount(field: String, indices: [Int], expected: Int, actual: Int, meaning: String)
    /// A value that is NaN or infinite.
    case notFinite(field: String, indices: [Int], value: Double)
    /// A probability below zero.
    case negativeProbability(field: String, indices: [Int], value: Double)
    /// A probability row whose sum is off 1 by more than `TabularSpec.sumTolerance`.
    case rowSum(field: String, indices: [Int], sum: Double)
    /// A state index outside 0..<states.
    case stateOutOfRange(field: String, indices: [Int], value: Int, states: Int)
    /// A state listed twice.
    case duplicateState(field: String, indices: [Int], value: Int)
    /// Positive initial probability on a terminal state (an episode could not start).
    case initialOnTerminal(state: Int, probability: Double)

    /// The parameter the error is about.
    public var field: String {
        switch self {
        case .invalidParameter(let field, _), .wrongCount(let field, _, _, _, _),
            .notFinite(let field, _, _), .negativeProbability(let field, _, _),
            .rowSum(let field, _, _), .stateOutOfRange(let field, _, _, _),
            .duplicateState(let field, _, _):
            return field
        case .initialOnTerminal:
            return "initial"
        }
    }

    /// Indices of the offending entry within `field`, outermost first; empty for the field itself.
    public var indices: [Int] {
        switch self {
        case .invalidParameter: return []
        case .wrongCount(_, let indices, _, _, _), .notFinite(_, let indices, _),
            .negativeProbability(_, let indices, _), .rowSum(_, let indices, _),
            .stateOutOfRange(_, let indices, _, _), .duplicateState(_, let indices, _):
            return indices
        case .initialOnTerminal(let state, _):
            return [state]
        }
    }

    /// The error in words, naming the entry, e.g. "transitions[1][0] sums to 0.9, not 1".
    public var message: String {
        let place = field + indices.map { "[\($0)]" }.joined()
        switch self {
        case .invalidParameter(_, let message):
            return message
        case .wrongCount(_, _, let expected, let actual, let meaning):
            return "\(place) has \(actual) entries, expected \(expected) (\(meaning))"
        case .notFinite(_, _, let value):
            return "\(place) is \(value), not a finite number"
        case .negativeProbability(_, _, let value):
            return "\(place) is \(value), a negative probability"
        case .rowSum(_, _, let sum):
            return "\(place) sums to \(sum), not 1"
        case .stateOutOfRange(_, _, let value, let states):
            return "\(place) is state \(value), outside 0..<\(states)"
        case .duplicateState(_, _, let value):
            return "\(place) repeats state \(value)"
        case .initialOnTerminal(let state, let probability):
            return "initial[\(state)] = \(probability) puts mass on terminal state \(state); "
                + "episodes must start in a non-terminal state"
        }
    }

    public var description: String { message }
}

/// A finite MDP written out explicitly (the `Tabular` environment), validated into a `TabularMDP`.
///
/// Shapes, in the nested form a configuration file uses:
/// - `initial[s]`, length `states`: the distribution of s₀; sums to 1.
/// - `transitions[s][a][s']` = P(s' | s, a), shape `states × actions × states`; each row sums to 1.
/// - `rewards[s][a]` = r(s, a), shape `states × actions`: the mean reward received on acting in s.
/// - `rewardNoise`: standard deviation of the Gaussian noise added to every sampled reward.
/// - `terminal`: indices of terminal states; entering one ends the episode.
/// - `horizon`: H, the time limit (`max_episode_steps`), `defaultHorizon` (100) unless given.
///
/// Sums must equal 1 within `sumTolerance` (1e-9); rows are kept as given, not renormalized.
/// The initial distribution may not put mass on a terminal state.
public struct TabularSpec: Sendable, Equatable {
    /// Largest accepted |Σ p − 1| for a probability row.
    public static let sumTolerance = 1e-9
    /// The time limit H when the configuration gives none.
    public static let defaultHorizon = 100
    /// Largest accepted `states × actions × states`, the number of transition entries: 50
    /// million Doubles are 400 MB, far beyond any MDP that exact dynamic programming or
    /// tabular learning here is meant for, and a bound keeps huge values from overflowing.
    public static let maxTransitionEntries = 50_000_000

    public var states: Int
    public var actions: Int
    public var initial: [Double]
    public var transitions: [[[Double]]]
    public var rewards: [[Double]]
    public var rewardNoise: Double
    public var terminal: [Int]
    public var horizon: Int

    public init(
        states: Int, actions: Int, initial: [Double], transitions: [[[Double]]],
        rewards: [[Double]], rewardNoise: Double = 0, terminal: [Int] = [], horizon: Int = defaultHorizon
    ) {
        self.states = states
        self.actions = actions
        self.initial = initial
        self.transitions = transitions
        self.rewards = rewards
        self.rewardNoise = rewardNoise
        self.terminal = terminal
        self.horizon = horizon
    }

    /// Validates every shape and probability row, then flattens into a `TabularMDP`.
    ///
    /// Reports the first problem found, scanning fields in declaration order and entries
    /// in index order.
    public func build() throws(TabularSpecError) -> TabularMDP {
        guard states >= 1 else {
            throw .invalidParameter(field: "states", message: "states is \(states), must be at least 1")
        }
        guard actions >= 1 else {
            throw .invalidParameter(field: "actions", message: "actions is \(actions), must be at least 1")
        }
        try Self.checkSize(states: states, actions: actions, field: "states")
        guard horizon >= 1 else {
            throw .invalidParameter(
                field: "horizon", message: "horizon (max_episode_steps) is \(horizon), must be at least 1")
        }
        guard rewardNoise.isFinite && rewardNoise >= 0 else {
            throw .invalidParameter(
                field: "reward_noise",
                message: "reward_noise is \(rewardNoise), must be a finite number ≥ 0")
        }

        try Self.checkDistribution(initial, field: "initial", indices: [], states: states)

        guard transitions.count == states else {
            throw .wrongCount(
                field: "transitions", indices: [], expected: states, actual: transitions.count,
                meaning: "one entry per state")
        }
        var flatTransitions = [Double]()
        flatTransitions.reserveCapacity(states * actions * states)
        for s in 0..<states {
            guard transitions[s].count == actions else {
                throw .wrongCount(
                    field: "transitions", indices: [s], expected: actions, actual: transitions[s].count,
                    meaning: "one row per action")
            }
            for a in 0..<actions {
                let row = transitions[s][a]
                try Self.checkDistribution(row, field: "transitions", indices: [s, a], states: states)
                flatTransitions.append(contentsOf: row)
            }
        }

        guard rewards.count == states else {
            throw .wrongCount(
                field: "rewards", indices: [], expected: states, actual: rewards.count,
                meaning: "one entry per state")
        }
        var flatRewards = [Double]()
        flatRewards.reserveCapacity(states * actions)
        for s in 0..<states {
            guard rewards[s].count == actions else {
                throw .wrongCount(
                    field: "rewards", indices: [s], expected: actions, actual: rewards[s].count,
                    meaning: "one reward per action")
            }
            for a in 0..<actions {
                guard rewards[s][a].isFinite else {
                    throw .notFinite(field: "rewards", indices: [s, a], value: rewards[s][a])
                }
            }
            flatRewards.append(contentsOf: rewards[s])
        }

        var isTerminal = [Bool](repeating: false, count: states)
        for (i, state) in terminal.enumerated() {
            guard (0..<states).contains(state) else {
                throw .stateOutOfRange(field: "terminal", indices: [i], value: state, states: states)
            }
            guard !isTerminal[state] else {
                throw .duplicateState(field: "terminal", indices: [i], value: state)
            }
            isTerminal[state] = true
        }
        for s in 0..<states where isTerminal[s] && initial[s] > 0 {
            throw .initialOnTerminal(state: s, probability: initial[s])
        }

        return TabularMDP(
            states: states, actions: actions, initial: initial, transitions: flatTransitions,
            rewards: flatRewards, rewardNoise: rewardNoise, terminal: isTerminal, horizon: horizon)
    }

    /// Checks that `states × actions × states` (the transition table's size) neither overflows
    /// nor exceeds `maxTransitionEntries`; `states` and `actions` are at least 1. Throws
    /// `invalidParameter` naming `field`.
    static func checkSize(states: Int, actions: Int, field: String) throws(TabularSpecError) {
        let (perState, overflowA) = states.multipliedReportingOverflow(by: actions)
        let (entries, overflowB) = perState.multipliedReportingOverflow(by: states)
        guard !overflowA && !overflowB && entries <= maxTransitionEntries else {
            throw .invalidParameter(
                field: field,
                message: "\(states) states × \(actions) actions × \(states) states is more than "
                    + "\(maxTransitionEntries) transition entries")
        }
    }

    /// Checks a probability row: `states` finite, non-negative entries summing to 1 within `sumTolerance`.
    static func checkDistribution(
        _ row: [Double], field: String, indices: [Int], states: Int
    ) throws(TabularSpecError) {
        guard row.count == states else {
            throw .wrongCount(
                field: field, indices: indices, expected: states, actual: row.count,
                meaning: "one probability per state")
        }
        var sum = 0.0
        for (j, p) in row.enumerated() {
            guard p.isFinite else { throw .notFinite(field: field, indices: indices + [j], value: p) }
            guard p >= 0 else { throw .negativeProbability(field: field, indices: indices + [j], value: p) }
            sum += p
        }
        guard abs(sum - 1) <= sumTolerance else {
            throw .rowSum(field: field, indices: indices, sum: sum)
        }
    }
}
