import PolicyGradient

/// REINFORCE without reward-to-go, as an estimator added from outside the runner: every term
/// of an episode gets the episode's whole discounted return, `Q̂_t = G_0 = Σ_k γ^k r_k`.
/// Tests register it (`PolicyGradientAlgorithms.register(WholeReturnREINFORCE())`, once per
/// process: `WholeReturnREINFORCE.registered`) and train it like a built-in one.
public struct WholeReturnREINFORCE: PolicyGradientAlgorithm {
    public static let name = TrainerSettings.EstimatorName("reinforce_whole_return")

    /// Registers it the first time it is read; every test that trains it reads it first.
    public static let registered: Void = {
        try! PolicyGradientAlgorithms.register(WholeReturnREINFORCE())
    }()

    public init() {}

    public var name: TrainerSettings.EstimatorName { Self.name }
    public var critic: CriticKind? { nil }
    public var batches: BatchKind { .wholeEpisodes }
    public var estimatorKeys: Set<String> { EstimatorKeys.common.union(["episodes_per_update", "discount_weighting"]) }

    public func estimate<F: BinaryFloatingPoint>(_ batch: EstimateBuffers<F>, settings: TrainerSettings.Estimator) {
        // Backwards through the batch: G_t = r_t + γ G_{t+1}, restarting after each episode's last term.
        var g: F = 0
        for k in stride(from: batch.count - 1, through: 0, by: -1) {
            g = batch.rewards[k] + batch.gamma * (batch.ended[k] ? 0 : g)
            batch.criticTargets[k] = g
        }
        // Forwards: every term takes its episode's G_0.
        for k in 0..<batch.count {
            batch.qEstimates[k] = batch.criticTargets[k - batch.time[k]]
        }
    }
}
