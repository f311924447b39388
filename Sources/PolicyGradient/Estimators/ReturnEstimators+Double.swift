/// The parts of `ReturnEstimators` that have a Double form of their own, for diagnostics
/// (the recursions are generic): the same shapes (`[T × N]`, time-major), free
/// of Float32 rounding, so that a measured variance is not limited by the precision the
/// estimates are stored in.
extension ReturnEstimators {
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
