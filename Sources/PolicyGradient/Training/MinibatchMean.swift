/// A mean over minibatches, `(1/B) Σ_b x_b`, accumulated in Double as NumPy's `np.mean` of
/// the Python floats Stable-Baselines3 collects; NaN over none.
struct MinibatchMean {
    private var sum = 0.0
    private var count = 0

    /// Adds one minibatch's value.
    mutating func add(_ value: Float) {
        sum += Double(value)
        count += 1
    }

    /// The mean of the values added, NaN when none was.
    var mean: Double { count > 0 ? sum / Double(count) : .nan }
}
