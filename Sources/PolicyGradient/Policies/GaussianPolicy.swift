import Foundation

/// A diagonal Gaussian policy for continuous actions: `a ~ N(μ(s; θ), diag(σ²))`, with the mean
/// from a network and a state-independent `log σ` vector (Stable-Baselines3's `log_std`).
///
/// Per action dimension `d`, with `z_d = (a_d − μ_d)/σ_d`:
/// - `log π(a|s) = Σ_d [−z_d²/2 − log σ_d − ½ log 2π]`
/// - `H = Σ_d [½ + ½ log 2π + log σ_d]`
/// - `∂ log π/∂μ_d = z_d/σ_d`, `∂ log π/∂log σ_d = z_d² − 1`, `∂H/∂log σ_d = 1`.
/// Parameters: the mean network's, then `log σ` (`actionSize` values) at `logStdOffset`.
///
/// With state-dependent exploration (gSDE, `isStateDependent`), `log σ` is a
/// `[featureSize × actionSize]` matrix instead, and the variance depends on the state through the
/// features φ(s), the input of the mean network's last layer (`GaussianPolicy+StateDependent`).
public final class GaussianPolicy: ParameterizedModel {
    /// The mean network.
    public let network: TrunkedNetwork
    public let parameters: ParameterBuffer
    /// Index of `log σ_0` in `parameters`.
    public let logStdOffset: Int
    /// Action dimension.
    public var actionSize: Int { network.outputSize }
    /// Observation length.
    public var observationSize: Int { network.inputSize }
    /// Width of φ(s), the input of the mean network's last layer.
    public var featureSize: Int { network.head.sizes[network.head.sizes.count - 2] }
    /// Whether exploration is gSDE's (`log σ` per feature and action) rather than a fixed σ.
    public let isStateDependent: Bool
    /// Values of `log σ`: `featureSize × actionSize` with gSDE, else `actionSize`.
    public var logStdCount: Int { isStateDependent ? featureSize * actionSize : actionSize }
    /// ∂L/∂μ, `[rows × actionSize]`.
    let meanGradient: ScratchBuffer<Float>
    /// Per action dimension: `1/σ_d`, then the `∂/∂log σ_d` sum (`2 × actionSize`). With gSDE:
    /// σ² and the `∂/∂log σ` sums per (feature, action), then `v_d` and `∂L/∂v_d` per action.
    let dimensionScratch: ScratchBuffer<Float>

    static let halfLogTwoPi: Float = Float(0.5 * Foundation.log(2 * Double.pi))

    /// A policy over an existing mean network and a `log σ` slot (`logStdCount` values) in the
    /// same buffer.
    public init(
        network: TrunkedNetwork, logStdOffset: Int, logStdInit: Float, stateDependent: Bool = false, capacity: Int = 64
    ) {
        self.network = network
        parameters = network.head.buffer
        self.logStdOffset = logStdOffset
        isStateDependent = stateDependent
        let k = network.outputSize
        let count = stateDependent ? network.head.sizes[network.head.sizes.count - 2] * k : k
        precondition(logStdOffset + count <= parameters.count)
        (parameters.values + logStdOffset).update(repeating: logStdInit, count: count)
        meanGradient = ScratchBuffer(capacity: k * Swift.max(capacity, 1), zero: 0)
        dimensionScratch = ScratchBuffer(capacity: stateDependent ? 2 * count + 2 * k : 2 * k, zero: 0)
    }

    /// A mean MLP `[observationSize, hidden..., actionSize]` (orthogonal: gain √2 hidden, 0.01
    /// on the mean layer) and `log σ = logStdInit`.
    public static func mlp(
        observationSize: Int, hidden: [Int], activation: ActivationFunction, actionSize: Int,
        logStdInit: Float = 0, initialization: WeightInitialization = .orthogonal, stateDependent: Bool = false,
        using generator: inout RandomGenerator
    ) -> GaussianPolicy {
        let sizes = [observationSize] + hidden + [actionSize]
        let count = MLP.parameterCount(sizes: sizes)
        let logStdCount = stateDependent ? sizes[sizes.count - 2] * actionSize : actionSize
        let buffer = ParameterBuffer(count: count + logStdCount)
        let net = MLP(sizes: sizes, activation: activation, buffer: buffer, offset: 0)
        net.initialize(initialization, outputGain: 0.01, using: &generator)
        return GaussianPolicy(
            network: TrunkedNetwork(trunk: nil, head: net), logStdOffset: count, logStdInit: logStdInit,
            stateDependent: stateDependent)
    }

    /// `log σ`, `[actionSize]` (gSDE: `[featureSize × actionSize]`, row-major).
    public var logStd: UnsafeMutablePointer<Float> { parameters.values + logStdOffset }
    /// `∂/∂log σ` in the gradient buffer.
    public var logStdGradient: UnsafeMutablePointer<Float> { parameters.gradient + logStdOffset }

    /// Computes the means of `count` observations into rows `row..<row+count`.
    public func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int) {
        network.forward(observations, count: count, row: row)
    }

    /// μ(s) of a forwarded row, `[actionSize]`.
    public func mean(row: Int) -> UnsafeMutablePointer<Float> { network.output(row: row) }

    /// Draws `a = μ + σ ⊙ z`, `z ~ N(0, I)` (one `normal()` per dimension, in order) into `action`.
    public func sampleAction(row: Int, into action: UnsafeMutablePointer<Float>, using generator: inout RandomGenerator) {
        precondition(!isStateDependent, "gSDE draws its noise from exploration matrices")
        let mu = mean(row: row), logStd = self.logStd
        for d in 0..<actionSize {
            let sigma = Foundation.exp(logStd[d])
            action[d] = mu[d] + sigma * Float(generator.normal())
        }
    }

    /// μ(s): the greedy action.
    public func greedyAction(row: Int, into action: UnsafeMutablePointer<Float>) {
        action.update(from: mean(row: row), count: actionSize)
    }

    /// log π(a|s) of a forwarded row.
    public func logProb(row: Int, action: UnsafePointer<Float>) -> Float {
        if isStateDependent { return stateDependentLogProb(row: row, action: action) }
        let mu = mean(row: row), logStd = self.logStd
        var total: Float = 0
        for d in 0..<actionSize {
            let z = (action[d] - mu[d]) * Foundation.exp(-logStd[d])
            total += -0.5 * z * z - logStd[d] - GaussianPolicy.halfLogTwoPi
        }
        return total
    }

    /// H(π(·|s)) of a forwarded row (the same for every state without gSDE).
    public func entropy(row: Int) -> Float {
        if isStateDependent { return stateDependentEntropy(row: row) }
        let logStd = self.logStd
        var total: Float = 0
        for d in 0..<actionSize { total += 0.5 + GaussianPolicy.halfLogTwoPi + logStd[d] }
        return total
    }

    /// Adds `∂/∂θ [Σ_i c_i log π(a_i|s_i) + β Σ_i w_i H]` over rows `row..<row+count`
    /// (`actions` is `[count × actionSize]`; nil weights mean `w_i = 1`).
    public func accumulateGradient(
        actions: UnsafePointer<Float>, logProbCoefficients: UnsafePointer<Float>,
        entropyCoefficient beta: Float = 0, entropyWeights: UnsafePointer<Float>? = nil, count: Int, row: Int = 0
    ) {
        if isStateDependent {
            return accumulateStateDependentGradient(
                actions: actions, logProbCoefficients: logProbCoefficients, entropyCoefficient: beta,
                entropyWeights: entropyWeights, count: count, row: row)
        }
        let k = actionSize
        meanGradient.reserve(count * k)
        let g = meanGradient.pointer
        let inverseSigma = dimensionScratch.pointer
        let logStdSum = inverseSigma + k
        let logStd = self.logStd
        for d in 0..<k {
            inverseSigma[d] = Foundation.exp(-logStd[d])
            logStdSum[d] = 0
        }
        // Forwarded rows are contiguous: μ of row `row + i` is at `mu + i·k`.
        let mu = mean(row: row)
        // Row-major sweep; each `logStdSum[d]` still adds its terms in row order.
        for i in 0..<count {
            let c = logProbCoefficients[i]
            let entropyTerm = beta * (entropyWeights?[i] ?? 1)
            for d in 0..<k {
                let z = (actions[i * k + d] - mu[i * k + d]) * inverseSigma[d]
                g[i * k + d] = c * z * inverseSigma[d]
                logStdSum[d] += c * (z * z - 1) + entropyTerm
            }
        }
        let gLogStd = logStdGradient
        for d in 0..<k { gLogStd[d] += logStdSum[d] }
        backward(meanGradient: g, count: count, row: row)
    }

    /// Adds `Σ_i Σ_d g_id ∂μ_id/∂θ` for a given ∂L/∂μ (`[count × actionSize]`).
    public func backward(meanGradient: UnsafePointer<Float>, count: Int, row: Int) {
        network.backward(outputGradient: meanGradient, count: count, row: row)
    }
}
