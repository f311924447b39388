/// A softmax policy over `actionCount` discrete actions: `π(a|s) = softmax(logits(s; θ))_a`.
///
/// Usage: `forward` a batch of observations into workspace rows, then read probabilities,
/// sample, or accumulate gradients for those rows. Rows persist until overwritten, so the
/// rollout's forward passes serve the update's backward pass. Gradients *accumulate* into
/// `parameters.gradient`; zero it between updates.
public protocol DiscretePolicy: ParameterizedModel {
    /// Length of one observation vector.
    var observationSize: Int { get }
    /// Number of actions.
    var actionCount: Int { get }
    /// Logits, probabilities and entropies of the forwarded rows.
    var distributions: CategoricalDistributions { get }
    /// Computes the distributions of `count` observations (`[count × observationSize]`) into
    /// rows `row..<row+count`.
    func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int)
    /// Adds `Σ_i Σ_j g_ij ∂l_ij/∂θ` into the gradient, for the given `logitGradient` `g`
    /// (`[count × actionCount]`) of rows `row..<row+count`: maps any dL/dlogits to dL/dθ.
    func backward(logitGradient: UnsafePointer<Float>, count: Int, row: Int)
}

extension DiscretePolicy {
    /// π(·|s) of a forwarded row.
    public func probabilities(row: Int) -> UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(start: distributions.probabilities + row * actionCount, count: actionCount)
    }

    /// An action drawn from π(·|s) of a forwarded row (one uniform draw, inverse CDF).
    public func sampleAction(row: Int, using generator: inout RandomGenerator) -> Int {
        generator.categorical(probabilities(row: row))
    }

    /// argmax_a π(a|s) of a forwarded row (the first on ties).
    public func greedyAction(row: Int) -> Int {
        let p = distributions.logits + row * actionCount
        var best = 0
        for j in 1..<actionCount where p[j] > p[best] { best = j }
        return best
    }

    /// log π(a|s) of a forwarded row.
    public func logProb(row: Int, action: Int) -> Float {
        distributions.logProbabilities[row * actionCount + action]
    }

    /// H(π(·|s)) = −Σ_a π(a|s) log π(a|s) of a forwarded row.
    public func entropy(row: Int) -> Float { distributions.entropies[row] }

    /// Adds to the gradient `∂/∂θ [Σ_i c_i log π(a_i|s_i) + β Σ_i w_i H(π(·|s_i))]` over rows
    /// `row..<row+count` (`i` indexes the arrays, row `row + i`). Sign and scale are the caller's:
    /// for a loss to minimize pass `c_i = −Â_i / N` and `β = −entropy_coef / N`.
    public func accumulateGradient(
        actions: UnsafePointer<Int>, logProbCoefficients: UnsafePointer<Float>,
        entropyCoefficient: Float = 0, entropyWeights: UnsafePointer<Float>? = nil, count: Int, row: Int = 0
    ) {
        distributions.objectiveGradient(
            actions: actions, logProbCoefficients: logProbCoefficients, entropyCoefficient: entropyCoefficient,
            entropyWeights: entropyWeights, count: count, row: row)
        backward(
            logitGradient: distributions.logitGradient + row * actionCount, count: count, row: row)
    }
}
