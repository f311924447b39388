/// The running mean and variance of a stream of vectors, as Stable-Baselines3's `RunningMeanStd`
/// keeps them: each batch is merged by the parallel update of Chan et al. (1979).
///
/// With the running (μ, σ², n) and a batch of `m` rows with mean μ_B and population variance
/// σ²_B (per component), δ = μ_B − μ:
///
///     μ  ← μ + δ · m / (n + m)
///     σ² ← (σ² n + σ²_B m + δ² n m / (n + m)) / (n + m)
///     n  ← n + m
///
/// Starting from μ = 0, σ² = 1, n = ε (1e-4), as SB3 does, so the first batch dominates at once.
/// Everything is Double, as SB3's float64 statistics.
public struct RunningMeanStd: Codable, Sendable, Equatable {
    /// μ, one per component.
    public var mean: [Double]
    /// σ², one per component.
    public var variance: [Double]
    /// n, the weight of the rows seen (starts at ε).
    public var count: Double

    /// Fresh statistics of vectors of `size` components.
    public init(size: Int, epsilon: Double = 1e-4) {
        mean = Array(repeating: 0, count: size)
        variance = Array(repeating: 1, count: size)
        count = epsilon
    }

    /// Merges `rows` rows of `mean.count` components each (row-major).
    public mutating func update(_ values: UnsafePointer<Float>, rows m: Int) {
        let size = mean.count
        guard m > 0 else { return }
        for j in 0..<size {
            var sum = 0.0
            for i in 0..<m { sum += Double(values[i * size + j]) }
            let batchMean = sum / Double(m)
            var squares = 0.0
            for i in 0..<m {
                let d = Double(values[i * size + j]) - batchMean
                squares += d * d
            }
            merge(component: j, batchMean: batchMean, batchVariance: squares / Double(m), batchCount: Double(m))
        }
        count += Double(m)
    }

    /// Merges `values` as `values.count` rows of one component (the discounted returns).
    public mutating func update(scalars values: UnsafePointer<Double>, rows m: Int) {
        precondition(mean.count == 1, "scalar statistics")
        guard m > 0 else { return }
        var sum = 0.0
        for i in 0..<m { sum += values[i] }
        let batchMean = sum / Double(m)
        var squares = 0.0
        for i in 0..<m { squares += (values[i] - batchMean) * (values[i] - batchMean) }
        merge(component: 0, batchMean: batchMean, batchVariance: squares / Double(m), batchCount: Double(m))
        count += Double(m)
    }

    /// The parallel update of component `j` (the count is advanced by the caller, once).
    private mutating func merge(component j: Int, batchMean: Double, batchVariance: Double, batchCount m: Double) {
        let n = count, total = count + m
        let delta = batchMean - mean[j]
        mean[j] += delta * m / total
        variance[j] = (variance[j] * n + batchVariance * m + delta * delta * n * m / total) / total
    }
}
