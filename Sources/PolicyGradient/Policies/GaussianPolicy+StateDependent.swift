import Foundation

/// Generalized state-dependent exploration (gSDE; Raffin, Kober and Stulp 2022), as
/// Stable-Baselines3's `StateDependentNoiseDistribution` with `full_std`, without `expln`,
/// `learn_features` or squashing.
///
/// With φ = φ(s) `[F]` (the input of the mean network's last layer, held constant) and
/// σ = exp(log σ) `[F × K]`:
/// - action `a = μ(s) + φ·θ_ε`, θ_ε `[F × K]` with θ_ε[j, d] ~ N(0, σ_jd²) (`ExplorationMatrices`);
/// - per action dimension d, `v_d = Σ_j φ_j² σ_jd² + ε` (ε = 1e-6), and
///   `log π(a|s) = Σ_d [−(a_d − μ_d)²/(2 v_d) − ½ log v_d − ½ log 2π]`,
///   `H = Σ_d [½ + ½ log 2π + ½ log v_d]`;
/// - `∂ log π/∂μ_d = (a_d − μ_d)/v_d`, `∂ log π/∂v_d = (a_d − μ_d)²/(2 v_d²) − 1/(2 v_d)`,
///   `∂H/∂v_d = 1/(2 v_d)`, `∂v_d/∂log σ_jd = 2 φ_j² σ_jd²`. φ is detached: the network learns
///   through μ only.
extension GaussianPolicy {
    /// ε, added to every variance.
    static let sdeEpsilon: Float = 1e-6

    /// φ(s) of a forwarded row, `[featureSize]`.
    public func features(row: Int) -> UnsafeMutablePointer<Float> {
        network.head.layerInput(network.head.layerCount - 1, row: row)
    }

    /// `a = μ(s) + φ(s)·θ_ε` for a forwarded row, θ_ε `[featureSize × actionSize]`, into `action`.
    public func sampleAction(row: Int, exploration: UnsafePointer<Float>, into action: UnsafeMutablePointer<Float>) {
        let mu = mean(row: row), phi = features(row: row), k = actionSize
        for d in 0..<k {
            var noise: Float = 0
            for j in 0..<featureSize { noise += phi[j] * exploration[j * k + d] }
            action[d] = mu[d] + noise
        }
    }

    /// `v_d = Σ_j φ_j² σ_jd² + ε` for features `phi`, σ² given per (feature, action) in `sigma2`.
    func variances(_ phi: UnsafePointer<Float>, sigma2: UnsafePointer<Float>, into v: UnsafeMutablePointer<Float>) {
        let k = actionSize
        for d in 0..<k { v[d] = 0 }
        for j in 0..<featureSize {
            let p2 = phi[j] * phi[j]
            for d in 0..<k { v[d] += p2 * sigma2[j * k + d] }
        }
        for d in 0..<k { v[d] += GaussianPolicy.sdeEpsilon }
    }

    /// The variances of a forwarded row, `[actionSize]`, in the scratch (valid until the next call).
    public func stateDependentVariances(row: Int) -> UnsafeMutablePointer<Float> {
        let n = logStdCount
        let sigma2 = dimensionScratch.pointer, v = sigma2 + 2 * n
        for m in 0..<n {
            let s = Foundation.exp(logStd[m])
            sigma2[m] = s * s
        }
        variances(features(row: row), sigma2: sigma2, into: v)
        return v
    }

    func stateDependentLogProb(row: Int, action: UnsafePointer<Float>) -> Float {
        let v = stateDependentVariances(row: row), mu = mean(row: row)
        var total: Float = 0
        for d in 0..<actionSize {
            let diff = action[d] - mu[d]
            total += -diff * diff / (2 * v[d]) - 0.5 * Foundation.log(v[d]) - GaussianPolicy.halfLogTwoPi
        }
        return total
    }

    func stateDependentEntropy(row: Int) -> Float {
        let v = stateDependentVariances(row: row)
        var total: Float = 0
        for d in 0..<actionSize { total += 0.5 + GaussianPolicy.halfLogTwoPi + 0.5 * Foundation.log(v[d]) }
        return total
    }

    /// `accumulateGradient` with gSDE: the mean's gradient goes back through the network, the
    /// variance's to `log σ` only.
    func accumulateStateDependentGradient(
        actions: UnsafePointer<Float>, logProbCoefficients: UnsafePointer<Float>, entropyCoefficient beta: Float,
        entropyWeights: UnsafePointer<Float>?, count: Int, row: Int
    ) {
        let k = actionSize, f = featureSize, n = logStdCount
        meanGradient.reserve(count * k)
        let g = meanGradient.pointer
        let sigma2 = dimensionScratch.pointer, logStdSum = sigma2 + n, v = sigma2 + 2 * n, dv = v + k
        for m in 0..<n {
            let s = Foundation.exp(logStd[m])
            sigma2[m] = s * s
            logStdSum[m] = 0
        }
        let mu = mean(row: row)
        for i in 0..<count {
            let c = logProbCoefficients[i]
            let entropyTerm = beta * (entropyWeights?[i] ?? 1)
            let phi = features(row: row + i)
            variances(phi, sigma2: sigma2, into: v)
            for d in 0..<k {
                let diff = actions[i * k + d] - mu[i * k + d]
                let inverse = 1 / v[d]
                g[i * k + d] = c * diff * inverse
                dv[d] = c * (0.5 * diff * diff * inverse * inverse - 0.5 * inverse) + 0.5 * entropyTerm * inverse
            }
            for j in 0..<f {
                let p2 = 2 * phi[j] * phi[j]
                for d in 0..<k { logStdSum[j * k + d] += dv[d] * p2 * sigma2[j * k + d] }
            }
        }
        let gLogStd = logStdGradient
        for m in 0..<n { gLogStd[m] += logStdSum[m] }
        backward(meanGradient: g, count: count, row: row)
    }
}
