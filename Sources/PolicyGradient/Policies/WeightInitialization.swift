import Foundation

/// How the weights of a layer are drawn; biases start at 0 (Stable-Baselines3's convention),
/// except with `uniform`, which draws them too (`fillBias`).
public enum WeightInitialization: String, Sendable, CaseIterable {
    /// `torch.nn.init.orthogonal_` with a gain: a Gaussian matrix's QR factor, sign-corrected
    /// so that diag(R) > 0, times the gain. For `W` of shape `[out × in]`,
    /// `W Wᵀ = gain² I` when `out ≤ in`, else `Wᵀ W = gain² I`. Gains: √2 for hidden layers,
    /// 0.01 for a policy head, 1 for a value head.
    case orthogonal
    /// All weights 0 (a uniform policy, a zero value).
    case zeros
    /// `W[o, i] ~ N(0, 1/fan_in)`, `fan_in = in` (the gain is ignored).
    case normal
    /// PyTorch's default `nn.Linear` initialization (Stable-Baselines3 with `ortho_init=False`):
    /// `W[o, i] ~ U(−1/√in, 1/√in)` (`kaiming_uniform_` with `a = √5`: bound `√(6/(1+a²))/√in`)
    /// and `b[o] ~ U(−1/√in, 1/√in)`; the gain is ignored. Drawn from `generator` in row-major
    /// order, weights then biases (`fillBias`), layer by layer.
    case uniform

    /// Fills the `[rows × cols]` row-major matrix `weights`, drawing from `generator`.
    public func fill(
        _ weights: UnsafeMutablePointer<Float>, rows: Int, cols: Int, gain: Float,
        using generator: inout RandomGenerator
    ) {
        switch self {
        case .zeros:
            weights.update(repeating: 0, count: rows * cols)
        case .normal:
            let std = 1.0 / Double(cols).squareRoot()
            for k in 0..<(rows * cols) { weights[k] = Float(generator.normal() * std) }
        case .uniform:
            let bound = 1.0 / Double(cols).squareRoot()
            for k in 0..<(rows * cols) { weights[k] = Float(generator.uniform(-bound, bound)) }
        case .orthogonal:
            let q = WeightInitialization.orthogonalMatrix(rows: rows, cols: cols, using: &generator)
            for k in 0..<(rows * cols) { weights[k] = Float(q[k] * Double(gain)) }
        }
    }

    /// Fills the bias `[rows]` of a layer with `fanIn` inputs: U(−1/√fanIn, 1/√fanIn) for
    /// `uniform`, 0 otherwise (drawing nothing).
    public func fillBias(
        _ bias: UnsafeMutablePointer<Float>, rows: Int, fanIn: Int, using generator: inout RandomGenerator
    ) {
        guard self == .uniform else {
            bias.update(repeating: 0, count: rows)
            return
        }
        let bound = 1.0 / Double(fanIn).squareRoot()
        for o in 0..<rows { bias[o] = Float(generator.uniform(-bound, bound)) }
    }

    /// A `[rows × cols]` row-major matrix with orthonormal rows (rows ≤ cols) or columns,
    /// computed in Double as `torch.nn.init.orthogonal_` does.
    ///
    /// Draws `rows × cols` standard normals in row-major order, transposes when rows < cols so
    /// the matrix `A` is tall (`m × n`, m ≥ n), and takes the `Q` of `A = QR` with diag(R) > 0
    /// (modified Gram–Schmidt applied twice, which yields the sign-corrected Householder `Q`).
    public static func orthogonalMatrix(
        rows: Int, cols: Int, using generator: inout RandomGenerator
    ) -> [Double] {
        let flat = (0..<(rows * cols)).map { _ in generator.normal() }
        let transpose = rows < cols
        let m = transpose ? cols : rows
        let n = transpose ? rows : cols
        // Column-major columns of the tall matrix A (m × n).
        var columns = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        for r in 0..<rows {
            for c in 0..<cols {
                if transpose { columns[r][c] = flat[r * cols + c] } else { columns[c][r] = flat[r * cols + c] }
            }
        }
        for j in 0..<n {
            var v = columns[j]
            for _ in 0..<2 {
                for k in 0..<j {
                    var projection = 0.0
                    for t in 0..<m { projection += columns[k][t] * v[t] }
                    for t in 0..<m { v[t] -= projection * columns[k][t] }
                }
            }
            var norm = 0.0
            for t in 0..<m { norm += v[t] * v[t] }
            norm = norm.squareRoot()
            columns[j] = v.map { $0 / norm }
        }
        var result = [Double](repeating: 0, count: rows * cols)
        for r in 0..<rows {
            for c in 0..<cols {
                result[r * cols + c] = transpose ? columns[r][c] : columns[c][r]
            }
        }
        return result
    }
}
