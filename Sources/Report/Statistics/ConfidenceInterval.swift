/// A two-sided confidence interval [low, high]; both NaN when there was no data.
package struct ConfidenceInterval: Sendable, Equatable {
    package var low: Double
    package var high: Double

    package init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The interval of an empty sample.
    package static let unavailable = ConfidenceInterval(low: .nan, high: .nan)

    /// Whether `value` lies in [low, high].
    package func contains(_ value: Double) -> Bool { low <= value && value <= high }
}
