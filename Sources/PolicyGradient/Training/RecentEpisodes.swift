/// The returns and lengths of the last `capacity` (100) training episodes, oldest first: the
/// window Stable-Baselines3's `rollout/ep_rew_mean` and `rollout/ep_len_mean` average over
/// (its `ep_info_buffer` of Monitor's episode records, `stats_window_size` 100).
///
/// A run's snapshot keeps it (`TrainingSnapshot`), so that a resumed run reports the same
/// means as an uninterrupted one.
struct RecentEpisodes: Codable, Sendable, Equatable {
    /// How many episodes the window holds.
    static let capacity = 100

    /// Undiscounted returns, oldest first.
    private(set) var returns: [Double] = []
    /// Lengths in steps, in the same order.
    private(set) var lengths: [Int] = []

    init() {}

    /// Adds the episodes a batch finished, in the order they finished, dropping the oldest
    /// beyond `capacity`.
    mutating func add(returns newReturns: [Double], lengths newLengths: [Int]) {
        precondition(newReturns.count == newLengths.count)
        returns += newReturns
        lengths += newLengths
        let excess = returns.count - Self.capacity
        if excess > 0 {
            returns.removeFirst(excess)
            lengths.removeFirst(excess)
        }
    }

    /// (1/n) Σ return over the window, NaN when it is empty.
    var returnMean: Double { returns.isEmpty ? .nan : returns.reduce(0, +) / Double(returns.count) }
    /// (1/n) Σ length over the window, NaN when it is empty.
    var lengthMean: Double { lengths.isEmpty ? .nan : Double(lengths.reduce(0, +)) / Double(lengths.count) }

    private enum CodingKeys: String, CodingKey { case returns, lengths }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        returns = try c.decode([Double].self, forKey: .returns)
        lengths = try c.decode([Int].self, forKey: .lengths)
        guard returns.count == lengths.count, returns.count <= Self.capacity else {
            throw TrainerError("the saved episode window holds \(returns.count) returns and \(lengths.count) lengths")
        }
    }
}
