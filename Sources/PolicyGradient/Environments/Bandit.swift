/// A K-armed Gaussian bandit as a one-step `TabularMDP`.
///
/// Two states: the decision state 0, where every episode starts, and the terminal
/// state 1. Any action a in state 0 pays r(0, a) = `means[a]` plus Gaussian noise of
/// standard deviation `std`, and moves to state 1, which ends the episode; the horizon
/// is 1. State 1's rows (a self-loop, reward 0) are never used but keep the table complete.
///
/// Default `std` is 1, as in the 10-armed testbed of Sutton and Barto.
public struct Bandit: Sendable, Equatable {
    public var means: [Double]
    public var std: Double

    /// One decision per episode.
    public static let horizon = 1

    public init(means: [Double], std: Double = 1) {
        self.means = means
        self.std = std
    }

    /// Checks the parameters and writes the bandit out as a `TabularMDP` (K = means.count actions).
    public func mdp() throws(TabularSpecError) -> TabularMDP {
        guard !means.isEmpty else {
            throw .invalidParameter(field: "means", message: "means is empty, need at least one arm")
        }
        for (a, mean) in means.enumerated() where !mean.isFinite {
            throw .notFinite(field: "means", indices: [a], value: mean)
        }
        guard std.isFinite && std >= 0 else {
            throw .invalidParameter(field: "std", message: "std is \(std), must be a finite number ≥ 0")
        }
        let actions = means.count
        var transitions = [Double](repeating: 0, count: 2 * actions * 2)
        for s in 0..<2 {
            for a in 0..<actions { transitions[(s * actions + a) * 2 + 1] = 1 }
        }
        return TabularMDP(
            states: 2, actions: actions, initial: [1, 0], transitions: transitions,
            rewards: means + [Double](repeating: 0, count: actions), rewardNoise: std,
            terminal: [false, true], horizon: Self.horizon)
    }
}
