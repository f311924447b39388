/// The estimators of `ReturnEstimators` that have a Double form of their own, for diagnostics
/// (the n-step and GAE recursions are generic): the same shapes (`[T × N]`, time-major), free
/// of Float32 rounding, so that a measured variance is not limited by the precision the
/// estimates are stored in.
extension ReturnEstimators {
    /// `G_t = r_t + γ G_{t+1}` within each episode of a REINFORCE batch, the episodes one after
    /// another (`ended[k]` marks the last term of each); with `rewardToGo` false every term of
    /// an episode gets its `G_0`.
    public static func episodeReturns(
        rewards: UnsafePointer<Double>, ended: UnsafePointer<Bool>, firstOfEpisode: UnsafePointer<Bool>, count: Int,
        gamma: Double, rewardToGo: Bool, into returns: UnsafeMutablePointer<Double>
    ) {
        var g = 0.0
        var k = count - 1
        while k >= 0 {
            g = rewards[k] + gamma * (ended[k] ? 0 : g)
            returns[k] = g
            k -= 1
        }
        guard !rewardToGo else { return }
        var start = 0.0
        for k in 0..<count {
            if firstOfEpisode[k] { start = returns[k] }
            returns[k] = start
        }
    }

    /// `normalize` in Double: `A ← (A − mean) / (std + 1e-8)`, std the unbiased sample standard
    /// deviation; fewer than two values are left unchanged.
    public static func normalize(_ values: UnsafeMutablePointer<Double>, count: Int) {
        guard count > 1 else { return }
        var sum = 0.0
        for k in 0..<count { sum += values[k] }
        let mean = sum / Double(count)
        var squares = 0.0
        for k in 0..<count { squares += (values[k] - mean) * (values[k] - mean) }
        let inverse = 1 / ((squares / Double(count - 1)).squareRoot() + 1e-8)
        for k in 0..<count { values[k] = (values[k] - mean) * inverse }
    }
}
