/// What a normalizer has learned: the observation and return statistics and each copy's
/// running discounted return. Part of `TrainingSnapshot`.
public struct NormalizationState: Codable, Sendable, Equatable {
    /// Running mean and variance of the observations, per component.
    public var observations: RunningMeanStd
    /// Running variance of the discounted returns.
    public var returns: RunningMeanStd
    /// Each training copy's discounted return so far, reset when its episode ends.
    public var discountedReturns: [Double]

    public init(observationSize: Int, numEnvs: Int) {
        observations = RunningMeanStd(size: observationSize)
        returns = RunningMeanStd(size: 1)
        discountedReturns = Array(repeating: 0, count: numEnvs)
    }
}
