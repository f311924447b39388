/// One row of a job's learning curve (`curve.csv`, docs/architecture.md, "The results folder").
public struct CurveRow: Sendable, Equatable {
    /// Environment steps taken so far (all copies together).
    public var step: Int
    /// Training episodes finished so far.
    public var episodes: Int
    /// Mean and standard deviation of the evaluation returns.
    public var evalReturnMean: Double
    public var evalReturnStd: Double
    /// Mean return of the training episodes finished since the previous row (NaN if none).
    public var trainReturn: Double
    /// Mean policy entropy over the last update's batch.
    public var entropy: Double
    public var policyLoss: Double
    /// NaN when the job learns no critic.
    public var valueLoss: Double

    public init(
        step: Int, episodes: Int, evalReturnMean: Double, evalReturnStd: Double,
        trainReturn: Double, entropy: Double, policyLoss: Double, valueLoss: Double
    ) {
        self.step = step
        self.episodes = episodes
        self.evalReturnMean = evalReturnMean
        self.evalReturnStd = evalReturnStd
        self.trainReturn = trainReturn
        self.entropy = entropy
        self.policyLoss = policyLoss
        self.valueLoss = valueLoss
    }
}
