/// A two-sided confidence interval [low, high]; both NaN when there was no data.
public struct ConfidenceInterval: Sendable, Equatable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The interval of an empty sample.
    public static let unavailable = ConfidenceInterval(low: .nan, high: .nan)

    /// Whether `value` lies in [low, high].
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }
}
